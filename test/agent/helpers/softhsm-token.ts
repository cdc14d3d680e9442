import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A SoftHSM2 token of the tests' own (own SOFTHSM2_CONF and token folder in a temp dir)
 * holding certificates issued here by a self-made "Kamu SM" test CA with the openssl CLI.
 */
export const SOFTHSM_LIB = '/usr/lib/softhsm/libsofthsm2.so';
export const USER_PIN = '123456';
const SO_PIN = '12345678';

export interface TestCertSpec {
  /** File-safe name; also the PKCS#11 label of the object. */
  name: string;
  /** openssl -subj form, e.g. "/C=TR/L=Ankara/serialNumber=10000000146/CN=Ayşe Yılmaz". */
  subject: string;
  keyUsage: string;
  /** YYYYMMDDHHMMSSZ */
  startDate: string;
  endDate: string;
  /** Hex CKA_ID. */
  id: string;
  /** Extra openssl extension lines (e.g. authorityInfoAccess, crlDistributionPoints). */
  extensions?: string;
}

export interface CaSpec {
  subject: string;
}

export class SoftHsmToken {
  readonly dir: string;
  readonly confPath: string;
  private readonly previousConf: string | undefined;
  /** DER of each written certificate, by spec name. */
  readonly certificates = new Map<string, Buffer>();

  private constructor(readonly label: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'eimza-softhsm-'));
    this.confPath = join(this.dir, 'softhsm2.conf');
    mkdirSync(join(this.dir, 'tokens'));
    writeFileSync(this.confPath, `directories.tokendir = ${join(this.dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    this.previousConf = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = this.confPath;
  }

  /** Environment for child processes that must see this token. */
  get env(): NodeJS.ProcessEnv {
    return { ...process.env, SOFTHSM2_CONF: this.confPath };
  }

  /** Makes a token labelled `label` and writes the given certificates, issued by `ca`. */
  static create(label: string, ca: CaSpec, certs: readonly TestCertSpec[]): SoftHsmToken {
    const token = new SoftHsmToken(label);
    try {
      token.run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', USER_PIN, '--so-pin', SO_PIN]);
      token.makeCa(ca);
      for (const cert of certs) token.writeCertificate(cert);
      return token;
    } catch (err) {
      token.destroy();
      throw err;
    }
  }

  /** `pkcs11-tool -L` output for this token (an independent reader of the token flags). */
  listing(): string {
    return this.run('pkcs11-tool', ['--module', SOFTHSM_LIB, '-L']);
  }

  /** True when pkcs11-tool reports CKF_USER_PIN_COUNT_LOW for the token. */
  countLow(): boolean {
    return /user PIN count low/.test(this.listing());
  }

  /** Logs in with a wrong PIN once, as a person mistyping would. */
  wrongLogin(): void {
    try {
      this.run('pkcs11-tool', ['--module', SOFTHSM_LIB, '--token-label', this.label, '--login', '--pin', '999999', '-O']);
    } catch {
      // CKR_PIN_INCORRECT is the point
    }
  }

  /** Logs in with the right PIN (clears COUNT_LOW on SoftHSM). */
  rightLogin(): void {
    this.run('pkcs11-tool', ['--module', SOFTHSM_LIB, '--token-label', this.label, '--login', '--pin', USER_PIN, '-O']);
  }

  /** Removes the temp folder and restores SOFTHSM2_CONF. Safe to call twice. */
  destroy(): void {
    if (process.env.SOFTHSM2_CONF === this.confPath) {
      if (this.previousConf === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = this.previousConf;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(name: string): string {
    return join(this.dir, name);
  }

  private makeCa(ca: CaSpec): void {
    this.run('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', this.file('ca.key')]);
    this.run('openssl', ['req', '-new', '-x509', '-utf8', '-key', this.file('ca.key'), '-subj', ca.subject, '-days', '7300', '-out', this.file('ca.pem')]);
    writeFileSync(this.file('index.txt'), '');
    writeFileSync(this.file('serial'), '1A2B3C4D5E6F7081\n');
    mkdirSync(this.file('issued'));
    writeFileSync(
      this.file('ca.cnf'),
      [
        '[ca]', 'default_ca = test_ca', '',
        '[test_ca]',
        `dir = ${this.dir}`,
        'database = $dir/index.txt', 'serial = $dir/serial', 'new_certs_dir = $dir/issued',
        'certificate = $dir/ca.pem', 'private_key = $dir/ca.key',
        'default_md = sha256', 'policy = policy_any', 'unique_subject = no', 'preserve = yes',
        'string_mask = utf8only', '',
        '[policy_any]', 'countryName = optional', 'localityName = optional', 'serialNumber = optional',
        'commonName = optional', 'organizationName = optional', 'organizationalUnitName = optional', '',
      ].join('\n'),
    );
  }

  private writeCertificate(spec: TestCertSpec): void {
    const key = this.file(`${spec.name}.key`);
    const csr = this.file(`${spec.name}.csr`);
    const pem = this.file(`${spec.name}.pem`);
    const der = this.file(`${spec.name}.der`);
    const ext = this.file(`${spec.name}.ext`);
    writeFileSync(ext, `[v3]\nkeyUsage = critical, ${spec.keyUsage}\nbasicConstraints = CA:FALSE\n${spec.extensions ?? ''}\n`);
    this.run('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
    this.run('openssl', ['req', '-new', '-utf8', '-key', key, '-subj', spec.subject, '-out', csr]);
    this.run('openssl', [
      'ca', '-batch', '-utf8', '-config', this.file('ca.cnf'), '-in', csr, '-out', pem, '-notext',
      '-startdate', spec.startDate, '-enddate', spec.endDate, '-extfile', ext, '-extensions', 'v3',
    ]);
    this.run('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', der]);
    this.certificates.set(spec.name, readFileSync(der));
    this.run('pkcs11-tool', [
      '--module', SOFTHSM_LIB, '--token-label', this.label, '--login', '--pin', USER_PIN,
      '--write-object', der, '--type', 'cert', '--label', spec.name, '--id', spec.id,
    ]);
  }

  private run(command: string, args: string[]): string {
    return execFileSync(command, args, { env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

/** A valid T.C. Kimlik No made for the tests (checksum holds): masks to 1*******46. */
export const TEST_TCKN = '10000000146';
export const KAMU_SM_TEST_CA = {
  subject: '/C=TR/O=Test Kurumu (Kamu SM değil)/CN=Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6',
};

/** Ayşe's signing certificate (nonRepudiation), issued by the test "Kamu SM" CA; tests vary it with a spread. */
export const AYSE_SIGNING_CERT: TestCertSpec = {
  name: 'imza',
  subject: `/C=TR/L=Ankara/serialNumber=${TEST_TCKN}/CN=Ayşe Yılmaz`,
  keyUsage: 'nonRepudiation',
  startDate: '20241205000000Z',
  endDate: '20271204235959Z',
  id: '01',
};

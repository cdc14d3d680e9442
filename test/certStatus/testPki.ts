import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A test CA made with the openssl CLI in a temp folder (or adopted from SoftHsmToken's folder,
 * same layout: ca.key, ca.pem, ca.cnf, index.txt), with what a revocation check talks to:
 * `openssl ocsp` responders on loopback ports and a tiny HTTP server for the CRL and the CA
 * certificate. Revoking edits the CA's index.txt through `openssl ca -revoke`; the responder
 * rereads index.txt when it changes.
 */
export class TestPki {
  private readonly responders = new Map<number, { child: ChildProcess; options: ResponderOptions }>();
  private http: Server | null = null;
  /** Port of the CRL / caIssuers server (reserved at once so certificates can name it). */
  httpPort = 0;
  crlDown = false;

  private constructor(readonly dir: string, private readonly owned: boolean) {}

  static async create(subject = '/C=TR/O=Test/CN=Test Kamu SM CA'): Promise<TestPki> {
    const pki = new TestPki(mkdtempSync(join(tmpdir(), 'eimza-pki-')), true);
    pki.openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', pki.file('ca.key')]);
    pki.openssl(['req', '-new', '-x509', '-utf8', '-key', pki.file('ca.key'), '-subj', subject, '-days', '3650', '-out', pki.file('ca.pem'),
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'basicConstraints=critical,CA:TRUE']);
    writeFileSync(pki.file('index.txt'), '');
    writeFileSync(pki.file('serial'), '0FEDCBA987654321\n');
    mkdirSync(pki.file('issued'));
    writeFileSync(pki.file('ca.cnf'), [
      '[ca]', 'default_ca = test_ca', '', '[test_ca]', `dir = ${pki.dir}`,
      'database = $dir/index.txt', 'serial = $dir/serial', 'new_certs_dir = $dir/issued',
      'certificate = $dir/ca.pem', 'private_key = $dir/ca.key', 'default_md = sha256', 'policy = policy_any',
      'unique_subject = no', 'preserve = yes', 'string_mask = utf8only', '',
      '[policy_any]', 'countryName = optional', 'localityName = optional', 'serialNumber = optional',
      'commonName = optional', 'organizationName = optional', 'organizationalUnitName = optional', '',
    ].join('\n'));
    await pki.startHttp();
    return pki;
  }

  /** Uses the CA a SoftHsmToken made (its folder); the HTTP server starts at once, on `httpPort` when given. */
  static async adopt(dir: string, httpPort = 0): Promise<TestPki> {
    const pki = new TestPki(dir, false);
    await pki.startHttp(httpPort);
    return pki;
  }

  get caPem(): string {
    return this.file('ca.pem');
  }

  /** Extension lines that point a certificate at this CA's loopback OCSP responder and CRL. */
  pointers(ocspPort: number): string {
    return loopbackPointers(ocspPort, this.httpPort);
  }

  /** Issues a certificate; returns its PEM path. */
  issue(name: string, subject: string, extensions: string): string {
    const key = this.file(`${name}.key`);
    const pem = this.file(`${name}.pem`);
    writeFileSync(this.file(`${name}.ext`), `[v3]\nbasicConstraints = CA:FALSE\n${extensions}\n`);
    this.openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
    this.openssl(['req', '-new', '-utf8', '-key', key, '-subj', subject, '-out', this.file(`${name}.csr`)]);
    this.openssl(['ca', '-batch', '-utf8', '-config', this.file('ca.cnf'), '-in', this.file(`${name}.csr`), '-out', pem, '-notext',
      '-days', '365', '-extfile', this.file(`${name}.ext`), '-extensions', 'v3']);
    return pem;
  }

  /** A responder certificate the CA issued (with id-kp-OCSPSigning unless `ocspSigning` is false). */
  responder(name: string, ocspSigning = true): { cert: string; key: string } {
    const cert = this.issue(name, `/C=TR/O=Test/CN=${name}`, ocspSigning ? 'keyUsage = critical, digitalSignature\nextendedKeyUsage = OCSPSigning' : 'keyUsage = critical, digitalSignature');
    return { cert, key: this.file(`${name}.key`) };
  }

  /** A key and certificate the CA never saw, carrying the CA's own name (a forger). */
  rogue(): { cert: string; key: string } {
    const key = this.file('rogue.key');
    const cert = this.file('rogue.pem');
    const subject = this.openssl(['x509', '-in', this.caPem, '-noout', '-subject', '-nameopt', 'compat']).replace(/^subject=/, '').trim();
    this.openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
    this.openssl(['req', '-new', '-x509', '-utf8', '-key', key, '-subj', subject, '-days', '30', '-out', cert]);
    return { cert, key };
  }

  /** `openssl ca -revoke` with a CRL reason (certificateHold through -crl_hold); running responders restart to read it. */
  async revoke(pem: string, reason: 'certificateHold' | 'keyCompromise' | 'superseded'): Promise<void> {
    const why = reason === 'certificateHold' ? ['-crl_hold', 'holdInstructionReject'] : ['-crl_reason', reason];
    this.openssl(['ca', '-config', this.file('ca.cnf'), '-revoke', pem, ...why]);
    await this.restartResponders();
  }

  /**
   * `openssl ocsp` notices an index.txt change only before accepting the connection AFTER the
   * next one (and by whole-second mtime), so the responders are restarted on the same ports.
   */
  private async restartResponders(): Promise<void> {
    for (const [port, { options }] of [...this.responders]) {
      await this.stopOcsp(port);
      await this.startOcsp({ ...options, port });
    }
  }

  /** Lifts a suspension: the index.txt line goes back to valid (what "Askıdan İndirme" does at the CA). */
  async unrevoke(pem: string): Promise<void> {
    const serial = this.openssl(['x509', '-in', pem, '-noout', '-serial']).trim().replace(/^serial=/, '').toUpperCase();
    const index = readFileSync(this.file('index.txt'), 'utf8').split('\n').map((line) => {
      const fields = line.split('\t');
      return fields[3]?.toUpperCase() === serial ? ['V', fields[1], '', ...fields.slice(3)].join('\t') : line;
    });
    writeFileSync(this.file('index.txt'), index.join('\n'));
    await this.restartResponders();
  }

  /** Starts `openssl ocsp` on a free loopback port, signing with `signer` (default: the CA). */
  async startOcsp(options: ResponderOptions = {}): Promise<number> {
    const port = options.port ?? (await freePort());
    const signer = options.signer ?? { cert: this.caPem, key: this.file('ca.key') };
    const child = spawn('openssl', ['ocsp', '-index', this.file('index.txt'), '-port', String(port), '-rsigner', signer.cert, '-rkey', signer.key,
      '-CA', this.caPem, '-ignore_err', ...(options.nmin ? ['-nmin', String(options.nmin)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.responders.set(port, { child, options });
    await listening(child, port);
    return port;
  }

  async stopOcsp(port: number): Promise<void> {
    const child = this.responders.get(port)?.child;
    this.responders.delete(port);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** A CRL signed now by the CA from the current index.txt, valid for `hours`. */
  crl(hours = 24): Buffer {
    const out = this.file('crl.der');
    const pem = this.file('crl.pem');
    this.openssl(['ca', '-config', this.file('ca.cnf'), '-gencrl', '-crlhours', String(hours), '-out', pem]);
    this.openssl(['crl', '-in', pem, '-outform', 'DER', '-out', out]);
    return readFileSync(out);
  }

  async close(): Promise<void> {
    for (const port of [...this.responders.keys()]) await this.stopOcsp(port);
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    this.http?.closeAllConnections();
    if (this.owned) rmSync(this.dir, { recursive: true, force: true });
  }

  file(name: string): string {
    return join(this.dir, name);
  }

  private async startHttp(port = 0): Promise<void> {
    this.http = createHttpServer((request, response) => {
      const answer = (status: number, type?: string, body?: Buffer): void => {
        response.statusCode = status;
        if (type) response.setHeader('content-type', type);
        response.end(body);
      };
      if (this.crlDown) return answer(503);
      if (request.url === '/ca.crl') return answer(200, 'application/pkix-crl', this.crl());
      if (request.url === '/ca.crt') return answer(200, 'application/pkix-cert', readFileSync(this.caPem));
      answer(404);
    });
    await new Promise<void>((resolve) => this.http!.listen(port, '127.0.0.1', resolve));
    this.httpPort = (this.http.address() as AddressInfo).port;
  }

  private openssl(args: string[]): string {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

/** Extension lines naming a loopback OCSP responder, CRL and CA certificate (caIssuers). */
export function loopbackPointers(ocspPort: number, httpPort: number): string {
  return [
    `authorityInfoAccess = OCSP;URI:http://127.0.0.1:${ocspPort}/, caIssuers;URI:http://127.0.0.1:${httpPort}/ca.crt`,
    `crlDistributionPoints = URI:http://127.0.0.1:${httpPort}/ca.crl`,
    'authorityKeyIdentifier = keyid', 'subjectKeyIdentifier = hash',
  ].join('\n');
}

export interface ResponderOptions {
  port?: number;
  /** Default: the CA itself. */
  signer?: { cert: string; key: string };
  /** nextUpdate = thisUpdate + nmin minutes (default: none). */
  nmin?: number;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Waits for the responder's "waiting for OCSP client connections" line. (Not a TCP probe: an
 * empty connection makes OpenSSL 3.0's one-at-a-time responder hang.)
 */
async function listening(child: ChildProcess, port: number): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`openssl ocsp did not listen on ${port}: ${seen}`)), 5000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (/waiting for OCSP client connections/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`openssl ocsp exited: ${seen}`)));
  });
}

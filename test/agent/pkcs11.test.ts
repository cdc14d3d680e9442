import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../paired-agent/config';
import {
  Pkcs11LibraryNotFoundError,
  Pkcs11LoadError,
  Pkcs11WrongArchitectureError,
} from '../../paired-agent/errors';
import { ReadOnlyPkcs11, pkcs11Queue, resolvePkcs11Library } from '../../paired-agent/pkcs11';
import { hashTckn } from '../../paired-agent/tckn';
import { buildReport, reportExitCode } from '../../paired-agent/status';
import { renderReportText, type CardReport } from '../../paired-agent/report';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken, TEST_TCKN } from './helpers/softhsm-token';

const SALT = Buffer.alloc(32, 7);
const LABEL = 'AKIS_0011223344556677';

async function readReport(now?: Date): Promise<CardReport> {
  const module = await ReadOnlyPkcs11.open(SOFTHSM_LIB);
  try {
    const [token] = await module.listTokens();
    const contents = await module.readToken(token.slotId);
    return buildReport({ readers: [], reader: null, contents, libraryPath: SOFTHSM_LIB, salt: { salt: SALT, scope: 'install' }, lang: 'tr', now });
  } finally {
    await module.close();
  }
}

describe('agent PKCS#11 (SoftHSM2 token, no login)', function () {
  this.timeout(30_000);
  let token: SoftHsmToken;

  before(() => {
    token = SoftHsmToken.create(LABEL, KAMU_SM_TEST_CA, [
      AYSE_SIGNING_CERT,
      {
        // authentication/encryption certificate: valid longer, but not for signing
        name: 'kimlik-dogrulama',
        subject: `/C=TR/L=Ankara/serialNumber=${TEST_TCKN}/CN=Ayşe Yılmaz`,
        keyUsage: 'digitalSignature, keyEncipherment',
        startDate: '20241205000000Z',
        endDate: '20291204235959Z',
        id: '02',
      },
    ]);
  });

  after(() => token?.destroy());

  describe('when reading the token', () => {
    it('lists the token info without logging in', async () => {
      const module = await ReadOnlyPkcs11.open(SOFTHSM_LIB);
      try {
        const tokens = await module.listTokens();
        assert.equal(tokens.length, 1);
        assert.equal(tokens[0].label, LABEL);
        assert.equal(tokens[0].manufacturer, 'SoftHSM project');
        assert.match(tokens[0].serialNumber, /^[0-9a-f]{16}$/);
        const contents = await module.readToken(tokens[0].slotId);
        assert.deepEqual(contents.certificates.map((c) => c.label).sort(), ['imza', 'kimlik-dogrulama']);
      } finally {
        await module.close();
      }
    });

    it('chooses the nonRepudiation certificate and reports its dates, issuer and fingerprint', async () => {
      const report = await readReport();
      const cert = report.certificate;
      assert.ok(cert);
      assert.equal(cert.tokenObjectLabel, 'imza');
      assert.equal(cert.holderName, 'Ayşe Yılmaz');
      assert.equal(cert.notBefore, '2024-12-05T00:00:00.000Z');
      assert.equal(cert.notAfter, '2027-12-04T23:59:59.000Z');
      assert.equal(cert.issuer, 'Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6');
      assert.equal(cert.isKamuSm, true);
      assert.deepEqual(cert.keyUsage, ['nonRepudiation']);
      const x509 = new X509Certificate(token.certificates.get('imza')!);
      assert.equal(cert.sha256, x509.fingerprint256.replace(/:/g, ''));
      assert.equal(cert.serialNumber, x509.serialNumber.toUpperCase());
      assert.equal(report.otherCertificateCount, 1);
      assert.equal(report.isEsignCard, true);
      assert.deepEqual(report.problems, []);
      assert.equal(report.token?.label, LABEL);
    });

    // The signing certificate is valid from 2024-12-05 to 2027-12-04 (UTC).
    const validityAt: [string, string, RegExp][] = [
      ['2024-12-04T23:59:59Z', 'not_yet_valid', /04\.12\.2027 \(henüz geçerli değil\)/],
      ['2024-12-05T00:00:01Z', 'valid', /04\.12\.2027 \(1094 gün kaldı\)/],
      ['2027-12-05T00:00:00Z', 'expired', /04\.12\.2027 \(süresi dolmuş\)/],
    ];
    for (const [at, state, line] of validityAt) {
      it(`reports the certificate as ${state} when read at ${at} (its own state, for the bot)`, async () => {
        const now = new Date(at);
        const report = await readReport(now);
        assert.equal(report.certificateState, state);
        assert.match(renderReportText(report, 'tr', now), line);
      });
    }

    it('masks the T.C. Kimlik No and never puts it in the JSON in clear', async () => {
      const report = await readReport();
      assert.equal(report.certificate?.tcknMasked, '1*******46');
      assert.equal(report.certificate?.tcknHash, hashTckn(TEST_TCKN, SALT));
      assert.equal(report.certificate?.tcknValid, true);
      const json = JSON.stringify(report);
      assert.ok(!json.includes(TEST_TCKN), 'clear T.C. number found in the report');
      assert.ok(!json.includes('serialNumber=1'), 'subject DN leaked');
    });
  });

  describe('PIN retry state, from the token flags only', () => {
    it('leaves CKF_USER_PIN_COUNT_LOW unset however often it reads (it never logs in)', async () => {
      token.rightLogin(); // start from a clean counter
      assert.equal(token.countLow(), false);
      for (let i = 0; i < 3; i++) {
        const report = await readReport();
        assert.equal(report.pin.state, 'unknown');
      }
      assert.equal(token.countLow(), false, 'reading the card changed the PIN counter');
    });

    it('reports count_low, with advice, after someone typed a wrong PIN', async () => {
      token.wrongLogin();
      assert.equal(token.countLow(), true);
      const report = await readReport();
      assert.equal(report.pin.state, 'count_low');
      assert.deepEqual(report.pin.flags, { countLow: true, finalTry: false, locked: false });
      assert.ok(report.pin.advice.includes('advice.do_not_guess'));
      token.rightLogin();
      assert.equal((await readReport()).pin.state, 'unknown');
    });
  });

  describe('one PKCS#11 call at a time', () => {
    it('runs concurrent reads one after another through the queue', async () => {
      const module = await ReadOnlyPkcs11.open(SOFTHSM_LIB);
      try {
        const [t] = await module.listTokens();
        const reads = Array.from({ length: 5 }, () => module.readToken(t.slotId));
        assert.equal(pkcs11Queue.size, 5);
        const results = await Promise.all(reads);
        assert.ok(results.every((r) => r.certificates.length === 2));
        assert.equal(pkcs11Queue.size, 0);
      } finally {
        await module.close();
        await module.close(); // idempotent
      }
    });
  });

  describe('when the library is missing or unusable', () => {
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), 'eimza-lib-'))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('names the paths it tried when no library is found', () => {
      const config = { ...loadConfig({}, 'linux') };
      assert.throws(
        () => resolvePkcs11Library(config, join(dir, 'libakisp11.so')),
        (err: unknown) => err instanceof Pkcs11LibraryNotFoundError && err.triedPaths[0] === join(dir, 'libakisp11.so'),
      );
    });

    it('uses EIMZA_PKCS11_LIB when set', () => {
      const config = loadConfig({ EIMZA_PKCS11_LIB: SOFTHSM_LIB }, 'linux');
      assert.equal(resolvePkcs11Library(config), SOFTHSM_LIB);
    });

    it('tells a 32-bit library from a broken one', async () => {
      const elf32 = Buffer.alloc(64);
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x01, 0x01, 0x01]).copy(elf32); // ELFCLASS32
      const wrongArch = join(dir, 'libakisp11-32.so');
      writeFileSync(wrongArch, elf32);
      await assert.rejects(ReadOnlyPkcs11.open(wrongArch), Pkcs11WrongArchitectureError);
      const notALibrary = join(dir, 'libakisp11-text.so');
      writeFileSync(notALibrary, 'this is not a shared library\n');
      await assert.rejects(ReadOnlyPkcs11.open(notALibrary), Pkcs11LoadError);
    });
  });
});

describe('agent PKCS#11 with cards that are not a Kamu SM e-signature', function () {
  this.timeout(30_000);
  let token: SoftHsmToken | null = null;
  afterEach(() => {
    token?.destroy();
    token = null;
  });

  it('reports certificate_not_kamusm (exit 9) for a signing certificate from another issuer', async () => {
    token = SoftHsmToken.create('OTHER_TOKEN', { subject: '/C=TR/O=Başka Kurum/CN=Başka Bir Sertifika Sağlayıcısı' }, [
      { name: 'imza', subject: '/C=TR/CN=Mehmet Öztürk', keyUsage: 'nonRepudiation', startDate: '20250101000000Z', endDate: '20260101000000Z', id: '01' },
    ]);
    const report = await readReport();
    assert.equal(report.certificate?.isKamuSm, false);
    assert.equal(report.certificate?.holderName, 'Mehmet Öztürk');
    assert.equal(report.certificate?.tcknMasked, null);
    assert.equal(report.isEsignCard, false);
    assert.deepEqual(report.problems.map((p) => p.code), ['certificate_not_kamusm']);
    assert.match(report.problems[0].message, /Kamu SM tarafından verilmemiş/);
    assert.equal(reportExitCode(report), 9);
  });

  it('reports card_not_akis and no_signing_certificate (exit 8) when no certificate allows nonRepudiation', async () => {
    token = SoftHsmToken.create('NO_SIGNING', KAMU_SM_TEST_CA, [
      { name: 'sifreleme', subject: `/C=TR/serialNumber=${TEST_TCKN}/CN=Ayşe Yılmaz`, keyUsage: 'keyEncipherment', startDate: '20250101000000Z', endDate: '20260101000000Z', id: '01' },
    ]);
    const report = await readReport();
    assert.equal(report.certificate, null);
    assert.equal(report.otherCertificateCount, 1);
    assert.deepEqual(report.problems.map((p) => p.code), ['card_not_akis', 'no_signing_certificate']);
    assert.equal(reportExitCode(report), 8);
    assert.ok(!JSON.stringify(report).includes(TEST_TCKN));
  });
});

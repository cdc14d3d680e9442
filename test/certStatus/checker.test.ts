import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { revocationPointers } from '../../paired-agent/revocation';
import { IssuerDirectory } from '../../bot/certStatus/issuers';
import { RevocationChecker } from '../../bot/certStatus/revocationChecker';
import type { CertRef, RevocationResult } from '../../bot/certStatus/types';
import { TestPki, freePort } from './testPki';

const run = promisify(execFile);

/** A certificate file as the bot keeps it (what the agent reports): serial, dates, pointers. */
function refOf(pem: string, ocspPort?: number): CertRef {
  const der = readFileSync(pem);
  const x509 = new X509Certificate(der);
  const ref: CertRef = { serialNumber: x509.serialNumber, notBefore: x509.validFrom, notAfter: x509.validTo, revocation: revocationPointers(x509.raw) };
  return ocspPort === undefined ? ref : { ...ref, revocation: { ...ref.revocation, ocspUrls: [`http://127.0.0.1:${ocspPort}/`] } };
}

describe('certStatus: OCSP and CRL against openssl ocsp and a CRL on loopback', function () {
  this.timeout(30_000);
  let pki: TestPki;
  let ocspPort: number;
  let good: string;
  let held: string;
  let compromised: string;
  let shift = 0;
  const checker = (options: { maxAgeMs?: number } = {}): RevocationChecker => new RevocationChecker({
    issuers: IssuerDirectory.load(pki.caPem), now: () => new Date(Date.now() + shift), timeoutMs: 2000, clockSkewMs: 60_000, maxAgeMs: options.maxAgeMs ?? 3600_000,
  });
  const check = (ref: CertRef, options = {}): Promise<RevocationResult> => checker(options).check(ref);

  before(async () => {
    pki = await TestPki.create();
    ocspPort = await freePort();
    const leaf = (name: string): string => pki.issue(name, `/C=TR/CN=${name}`, `keyUsage = critical, nonRepudiation\n${pki.pointers(ocspPort)}`);
    good = leaf('good');
    held = leaf('held');
    compromised = leaf('compromised');
    await pki.startOcsp({ port: ocspPort });
    await pki.revoke(held, 'certificateHold');
    await pki.revoke(compromised, 'keyCompromise');
  });
  after(async () => pki?.close());
  afterEach(() => {
    shift = 0;
    pki.crlDown = false;
  });

  it('the agent\'s pointers: the certificate\'s own OCSP/CRL/caIssuers addresses and the issuer\'s hashes, nothing of the subject', () => {
    const ref = refOf(good);
    assert.deepEqual(ref.revocation.ocspUrls, [`http://127.0.0.1:${ocspPort}/`]);
    assert.deepEqual(ref.revocation.crlUrls, [`http://127.0.0.1:${pki.httpPort}/ca.crl`]);
    assert.deepEqual(ref.revocation.caIssuersUrls, [`http://127.0.0.1:${pki.httpPort}/ca.crt`]);
    const [ca] = IssuerDirectory.load(pki.caPem).issuers;
    assert.equal(ref.revocation.issuerNameHash, ca.nameHash);
    assert.equal(ref.revocation.authorityKeyId, ca.subjectKeyId);
    assert.doesNotMatch(JSON.stringify(ref.revocation), /good|CN=/, 'no subject name');
    assert.equal(IssuerDirectory.load(pki.caPem).find({ ...ref.revocation, authorityKeyId: 'ab'.repeat(20) }), undefined, 'another CA key with the same name is not this issuer');
  });

  describe('when the CA\'s responder answers', () => {
    const cases: { name: string; cert: () => CertRef; status: string; reason?: string }[] = [
      { name: 'a valid certificate is good', cert: () => refOf(good), status: 'good' },
      { name: 'certificateHold is "suspended" (askıda)', cert: () => refOf(held), status: 'suspended', reason: 'certificateHold' },
      { name: 'keyCompromise is "revoked"', cert: () => refOf(compromised), status: 'revoked', reason: 'keyCompromise' },
      { name: 'a serial the CA never issued is "unknown"', cert: () => ({ ...refOf(good), serialNumber: '7A7A7A7A7A7A' }), status: 'unknown' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const result = await check(c.cert());
        assert.equal(result.status, c.status, JSON.stringify(result));
        assert.equal(result.source, 'ocsp');
        assert.equal(result.reason, c.reason);
        assert.equal(Boolean(result.revokedAt), c.status === 'suspended' || c.status === 'revoked');
      });
    }

    it('a responder the CA delegated (id-kp-OCSPSigning) is believed; one without OCSPSigning is not', async () => {
      const delegated = await pki.startOcsp({ signer: pki.responder('ocsp-delegated') });
      const plain = await pki.startOcsp({ signer: pki.responder('ocsp-no-eku', false) });
      assert.deepEqual([(await check(refOf(held, delegated))).source, (await check(refOf(held, delegated))).status], ['ocsp', 'suspended']);
      const refused = await check(refOf(held, plain));
      assert.equal(refused.status, 'unchecked');
      assert.match(refused.problem!, /OCSPSigning/);
    });
  });

  describe('when the answer cannot be trusted', () => {
    it('refuses a response signed by a key the CA never certified, even under the CA\'s name', async () => {
      const rogue = await pki.startOcsp({ signer: pki.rogue() });
      const result = await check(refOf(held, rogue));
      assert.equal(result.status, 'unchecked');
      assert.match(result.problem!, /signature does not verify/);
    });

    it('refuses a stale response: nextUpdate passed, or no nextUpdate and too old', async () => {
      const shortLived = await pki.startOcsp({ nmin: 1 });
      const fresh = await check(refOf(good, shortLived));
      assert.deepEqual([fresh.status, fresh.source], ['good', 'ocsp'], 'fresh, it is believed');
      shift = 3 * 60_000; // the bot's clock: three minutes later, past nextUpdate + skew
      const late = await check(refOf(good, shortLived));
      assert.equal(late.status, 'unchecked');
      assert.match(late.problem!, /nextUpdate .* has passed/);
      shift = 0;
      const old = await check(refOf(good), { maxAgeMs: -120_000 });
      assert.equal(old.status, 'unchecked');
      assert.match(old.problem!, /too old/);
    });

    it('refuses a replayed response (it carries another request\'s nonce)', async () => {
      let saved: Buffer | null = null;
      const replayer: Server = createServer(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        saved ??= Buffer.from(await (await fetch(`http://127.0.0.1:${ocspPort}/`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.concat(chunks) })).arrayBuffer());
        // Not chained: restify (loaded by other tests in the same process) changes writeHead's return value.
        response.setHeader('content-type', 'application/ocsp-response');
        response.end(saved);
      });
      await new Promise<void>((resolve) => replayer.listen(0, '127.0.0.1', resolve));
      try {
        const port = (replayer.address() as AddressInfo).port;
        const first = await check(refOf(good, port));
        assert.deepEqual([first.status, first.source], ['good', 'ocsp']);
        const replayed = await check(refOf(good, port));
        assert.equal(replayed.status, 'unchecked');
        assert.match(replayed.problem!, /another nonce/);
      } finally {
        replayer.close();
      }
    });
  });

  describe('when the responder is down', () => {
    it('falls back to the CA-signed CRL; with the CRL down too, says "could not check", never good', async () => {
      const down = await freePort();
      const fromCrl = await check(refOf(held, down));
      assert.deepEqual([fromCrl.status, fromCrl.source, fromCrl.reason], ['suspended', 'crl', 'certificateHold']);
      assert.deepEqual([(await check(refOf(compromised, down))).status, (await check(refOf(good, down))).status], ['revoked', 'good']);
      pki.crlDown = true;
      const nothing = await check(refOf(good, down));
      assert.equal(nothing.status, 'unchecked');
      assert.equal(nothing.source, undefined);
    });
  });

  describe('caching', () => {
    it('keeps an answer until its nextUpdate; "fresh" asks again about a good one', async () => {
      const port = await pki.startOcsp({ nmin: 10 });
      const one = checker();
      const first = await one.check(refOf(good, port));
      assert.equal(first.source, 'ocsp');
      await pki.stopOcsp(port);
      assert.deepEqual(await one.check(refOf(good, port)), first, 'served from the cache while the responder is away');
      const again = await one.check(refOf(good, port), { fresh: true });
      assert.equal(again.source, 'crl', 'asked again: the responder is down, so the CRL answered');
    });
  });

  describe('npm run cert:status', () => {
    it('prints one JSON line: status, reason, revokedAt, source, checkedAt', async () => {
      const { stdout } = await run('npm', ['run', '--silent', 'cert:status', '--', held, '--issuer', pki.caPem], { cwd: `${__dirname}/../..` });
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      const out = JSON.parse(lines[0]) as Record<string, unknown>;
      assert.deepEqual(Object.keys(out), ['status', 'reason', 'revokedAt', 'source', 'checkedAt']);
      assert.deepEqual([out.status, out.reason, out.source], ['suspended', 'certificateHold', 'ocsp']);
      // Without --issuer: the issuer comes from the certificate's AIA caIssuers, and only because it signed it.
      const aia = JSON.parse((await run('npm', ['run', '--silent', 'cert:status', '--', compromised], { cwd: `${__dirname}/../..` })).stdout) as Record<string, unknown>;
      assert.deepEqual([aia.status, aia.reason], ['revoked', 'keyCompromise']);
    });
  });
});

/**
 * `npm run --silent bench:cert-status`: what a Kamu SM check costs, against a bare POST of the same
 * OCSP request to the same `openssl ocsp` responder on loopback (baseline, same process, same run).
 * Rows: the full check (request built, nonce, HTTP, signature + responder + freshness verified),
 * the CRL fallback (download, verify, look up), and a cached answer.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OCSPRequest, Request, TBSRequest } from '@peculiar/asn1-ocsp';
import { revocationPointers } from '../paired-agent/revocation';
import { IssuerDirectory } from '../bot/certStatus/issuers';
import { certIdFor } from '../bot/certStatus/ocspClient';
import { RevocationChecker } from '../bot/certStatus/revocationChecker';
import type { CertRef } from '../bot/certStatus/types';
import { TestPki, freePort } from '../test/certStatus/testPki';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

async function timed(label: string, run: () => Promise<unknown>): Promise<{ label: string; p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, p50: samples[Math.floor(ROUNDS * 0.5)], p99: samples[Math.floor(ROUNDS * 0.99)] };
}

async function main(): Promise<void> {
  const pki = await TestPki.create();
  try {
    const port = await freePort();
    const pem = pki.issue('bench', '/C=TR/CN=Bench', `keyUsage = critical, nonRepudiation\n${pki.pointers(port)}`);
    await pki.startOcsp({ port, nmin: 60 });
    const x509 = new X509Certificate(readFileSync(pem));
    const ref: CertRef = { serialNumber: x509.serialNumber, notBefore: x509.validFrom, notAfter: x509.validTo, revocation: revocationPointers(x509.raw) };
    const issuers = IssuerDirectory.load(pki.caPem);
    const checker = (): RevocationChecker => new RevocationChecker({ issuers, now: () => new Date(), timeoutMs: 5000, clockSkewMs: 300_000, maxAgeMs: 86_400_000 });
    const body = new Uint8Array(AsnConvert.serialize(new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certIdFor(ref.serialNumber, issuers.issuers[0]) })] }) })));
    const url = `http://127.0.0.1:${port}/`;
    const cached = checker();
    await cached.check(ref);
    const down = { ...ref, revocation: { ...ref.revocation, ocspUrls: [`http://127.0.0.1:${await freePort()}/`] } };
    const rows = [
      await timed('bare POST of an OCSP request (baseline)', async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body })).arrayBuffer()),
      await timed('OCSP check, verified', () => checker().check(ref)),
      await timed('CRL fallback (OCSP port closed), verified', () => checker().check(down)),
      await timed('cached answer (until nextUpdate)', () => cached.check(ref)),
    ];
    const base = rows[0].p50;
    console.log(`| what | p50 (ms) | p99 (ms) | p50 / baseline |\n|---|---:|---:|---:|`);
    for (const row of rows) console.log(`| ${row.label} | ${row.p50.toFixed(3)} | ${row.p99.toFixed(3)} | ${(row.p50 / base).toFixed(2)} |`);
  } finally {
    await pki.close();
  }
}

void main();

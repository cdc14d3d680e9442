import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { revocationPointers } from '../../paired-agent/revocation';
import { loadConfig } from '../config';
import { fetchBytes } from './fetchBytes';
import { certificatesIn, issuerCert, IssuerDirectory, type IssuerCert } from './issuers';
import { RevocationChecker } from './revocationChecker';
import type { CertRef, RevocationResult } from './types';

/**
 * `npm run --silent cert:status -- <cert.pem> [--issuer issuer.pem]`: one JSON line with status,
 * reason, revokedAt, source (ocsp|crl) and checkedAt. The issuer: --issuer, else
 * CERT_STATUS_CA_CERTS, else the certificate's AIA caIssuers address (used only if it really
 * signed the certificate). Exit 0 when Kamu SM answered, 3 when it could not be checked, 2 on bad usage.
 */
export async function main(args: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const issuerAt = args.indexOf('--issuer');
  const issuerPath = issuerAt >= 0 ? args[issuerAt + 1] : undefined;
  const certPath = args.find((a, i) => !a.startsWith('--') && (issuerAt < 0 || i !== issuerAt + 1));
  if (!certPath || (issuerAt >= 0 && !issuerPath)) {
    process.stderr.write('usage: npm run --silent cert:status -- <cert.pem> [--issuer issuer.pem]\n');
    return 2;
  }
  const config = loadConfig();
  const der = certificatesIn(readFileSync(certPath))[0];
  if (!der) {
    process.stderr.write(`${certPath}: no certificate found\n`);
    return 2;
  }
  const x509 = new X509Certificate(der);
  const ref: CertRef = {
    serialNumber: x509.serialNumber, notBefore: new Date(x509.validFrom).toISOString(), notAfter: new Date(x509.validTo).toISOString(),
    revocation: revocationPointers(der),
  };
  const directory = config.CERT_STATUS_CA_CERTS ? IssuerDirectory.load(config.CERT_STATUS_CA_CERTS) : new IssuerDirectory([]);
  const issuer = issuerPath ? issuerCert(certificatesIn(readFileSync(issuerPath))[0]) : directory.find(ref.revocation) ?? (await issuerFromAia(x509, ref, config.CERT_STATUS_TIMEOUT_MS));
  const checker = new RevocationChecker({
    issuers: directory, now: () => new Date(), timeoutMs: config.CERT_STATUS_TIMEOUT_MS, clockSkewMs: 5 * 60_000, maxAgeMs: config.CERT_STATUS_MAX_AGE_SECONDS * 1000,
  });
  const result = await checker.check(ref, { issuer });
  out(JSON.stringify(line(result)));
  return result.status === 'unchecked' ? 3 : 0;
}

function line(result: RevocationResult): Record<string, string | null> {
  return {
    status: result.status, reason: result.reason ?? null, revokedAt: result.revokedAt ?? null, source: result.source ?? null, checkedAt: result.checkedAt,
    ...(result.problem ? { problem: result.problem } : {}),
  };
}

async function issuerFromAia(cert: X509Certificate, ref: CertRef, timeoutMs: number): Promise<IssuerCert | undefined> {
  for (const url of ref.revocation.caIssuersUrls) {
    try {
      const candidate = certificatesIn(await fetchBytes(url, timeoutMs)).map(issuerCert).find((ca) => cert.checkIssued(ca.x509) && cert.verify(ca.publicKey));
      if (candidate) return candidate;
    } catch {
      // try the next address
    }
  }
  return undefined;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}

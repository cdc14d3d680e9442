import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateList, CRLReason, id_ce_cRLReasons } from '@peculiar/asn1-x509';
import { fetchBytes, type Freshness } from './fetchBytes';
import type { IssuerCert } from './issuers';
import { integerBytes } from './ocspClient';
import { verifySignature } from './signatures';
import { CheckError, revokedVerdict, type Verdict } from './types';

export interface CrlQuery extends Freshness {
  url: string;
  serialNumber: string;
  issuer: IssuerCert;
  timeoutMs: number;
}

/**
 * Downloads the CRL (DER or PEM), checks it is the issuer's (name and signature) and fresh, and
 * looks the serial up. Not listed = good; a CRL cannot say "unknown".
 */
export async function askCrl(query: CrlQuery): Promise<Verdict> {
  const crl = parseCrl(await fetchBytes(query.url, query.timeoutMs));
  const tbs = crl.tbsCertList;
  const issuedBy = Buffer.from(AsnConvert.serialize(tbs.issuer)).equals(Buffer.from(AsnConvert.serialize(query.issuer.asn.tbsCertificate.subject)));
  if (!issuedBy || !crl.tbsCertListRaw || !verifySignature(crl.signatureAlgorithm, query.issuer.publicKey, crl.tbsCertListRaw, crl.signature)) {
    throw new CheckError('unverifiable', 'the CRL is not signed by the issuer');
  }
  const thisUpdate = tbs.thisUpdate.getTime();
  const nextUpdate = tbs.nextUpdate?.getTime();
  checkCrlFreshness(thisUpdate, nextUpdate, query);
  const serial = integerBytes(query.serialNumber);
  const entry = tbs.revokedCertificates?.find((e) => integerBytes(Buffer.from(e.userCertificate).toString('hex')).equals(serial));
  const times = { source: 'crl' as const, thisUpdate, nextUpdate };
  if (!entry) return { ...times, status: 'good' };
  const reasonExt = entry.crlEntryExtensions?.find((e) => e.extnID === id_ce_cRLReasons);
  const reason = reasonExt ? AsnConvert.parse(reasonExt.extnValue, CRLReason).reason : undefined;
  return { ...times, ...revokedVerdict(reason), revokedAt: entry.revocationDate.getTime().toISOString() };
}

function parseCrl(data: Buffer): CertificateList {
  const pem = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(data.toString('latin1'));
  try {
    return AsnConvert.parse(pem ? Buffer.from(pem[1].replace(/\s+/g, ''), 'base64') : data, CertificateList);
  } catch {
    throw new CheckError('unverifiable', 'not a valid CRL');
  }
}

function checkCrlFreshness(thisUpdate: Date, nextUpdate: Date | undefined, rules: Freshness): void {
  const now = rules.now.getTime();
  if (thisUpdate.getTime() > now + rules.clockSkewMs) throw new CheckError('stale', 'CRL: thisUpdate is in the future');
  // A CRL without nextUpdate has no freshness promise at all.
  if (!nextUpdate || nextUpdate.getTime() < now - rules.clockSkewMs) throw new CheckError('stale', 'CRL: past its nextUpdate');
}

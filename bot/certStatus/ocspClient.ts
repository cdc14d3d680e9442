import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, ExtendedKeyUsage, Extension, id_ce_extKeyUsage } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse, CertID, Nonce, OCSPRequest, OCSPResponse, OCSPResponseStatus, Request, TBSRequest,
  id_kp_OCSPSigning, id_pkix_ocsp_basic, id_pkix_ocsp_nonce, type SingleResponse,
} from '@peculiar/asn1-ocsp';
import { fetchBytes, type Freshness } from './fetchBytes';
import type { IssuerCert } from './issuers';
import { bytes, verifySignature } from './signatures';
import { CheckError, revokedVerdict, type Verdict } from './types';

const SHA1 = '1.3.14.3.2.26';

export interface OcspQuery extends Freshness {
  url: string;
  /** Hex, any case, with or without leading zeros. */
  serialNumber: string;
  issuer: IssuerCert;
  timeoutMs: number;
}

/**
 * Asks one OCSP responder (RFC 6960, HTTP POST) about one certificate and returns a verdict only
 * when the answer is signed by the issuer or by a responder the issuer delegated (id-kp-OCSPSigning),
 * names our certificate, echoes our nonce when it echoes one, and is fresh.
 */
export async function askOcsp(query: OcspQuery): Promise<Verdict> {
  const nonce = randomBytes(16);
  const certId = certIdFor(query.serialNumber, query.issuer);
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({
      requestList: [new Request({ reqCert: certId })],
      requestExtensions: [new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(AsnConvert.serialize(new Nonce(nonce))) })],
    }),
  });
  const body = await fetchBytes(query.url, query.timeoutMs, {
    method: 'POST', headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' }, body: bytes(AsnConvert.serialize(request)),
  });
  return readResponse(body, certId, nonce, query);
}

function readResponse(body: Buffer, certId: CertID, nonce: Buffer, query: OcspQuery): Verdict {
  const response = parse(body, OCSPResponse, 'OCSP response');
  if (response.responseStatus === OCSPResponseStatus.tryLater || response.responseStatus === OCSPResponseStatus.internalError) {
    throw new CheckError('unreachable', `OCSP responder status ${OCSPResponseStatus[response.responseStatus]}`);
  }
  if (response.responseStatus !== OCSPResponseStatus.successful || response.responseBytes?.responseType !== id_pkix_ocsp_basic) {
    throw new CheckError('unverifiable', `OCSP responder status ${OCSPResponseStatus[response.responseStatus] ?? response.responseStatus}`);
  }
  const basic = parse(Buffer.from(response.responseBytes.response.buffer), BasicOCSPResponse, 'basic OCSP response');
  const signer = responderKey(basic, query.issuer, query.now);
  if (!basic.tbsResponseDataRaw || !verifySignature(basic.signatureAlgorithm, signer, basic.tbsResponseDataRaw, basic.signature)) {
    throw new CheckError('unverifiable', 'the OCSP response signature does not verify');
  }
  const data = basic.tbsResponseData;
  const echoed = data.responseExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce);
  if (echoed && !nonceMatches(echoed, nonce)) throw new CheckError('unverifiable', 'the OCSP response carries another nonce (replayed?)');
  const single = data.responses.find((r) => sameCertId(r.certID, certId));
  if (!single) throw new CheckError('unverifiable', 'the OCSP response does not name the certificate asked about');
  checkFreshness(single.thisUpdate, single.nextUpdate, query, 'OCSP response');
  return verdictOf(single);
}

/** The key that must have signed: the issuer's own, or a delegated responder certificate's. */
function responderKey(basic: BasicOCSPResponse, issuer: IssuerCert, now: Date) {
  const id = basic.tbsResponseData.responderID;
  const matches = (cert: Certificate): boolean => id.byKey
    ? Buffer.from(id.byKey.buffer).equals(sha1(cert.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey))
    : Boolean(id.byName) && Buffer.from(AsnConvert.serialize(id.byName)).equals(Buffer.from(AsnConvert.serialize(cert.tbsCertificate.subject)));
  if (matches(issuer.asn)) return issuer.publicKey;
  const delegated = (basic.certs ?? []).find(matches);
  if (!delegated) throw new CheckError('unverifiable', 'the OCSP responder is neither the issuer nor a certificate in the response');
  const x509 = new X509Certificate(Buffer.from(AsnConvert.serialize(delegated)));
  if (!x509.checkIssued(issuer.x509) || !x509.verify(issuer.publicKey)) throw new CheckError('unverifiable', 'the OCSP responder certificate was not issued by the CA');
  const eku = delegated.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  if (!eku || !AsnConvert.parse(eku.extnValue, ExtendedKeyUsage).includes(id_kp_OCSPSigning)) {
    throw new CheckError('unverifiable', 'the OCSP responder certificate lacks id-kp-OCSPSigning');
  }
  if (now < new Date(x509.validFrom) || now > new Date(x509.validTo)) throw new CheckError('unverifiable', 'the OCSP responder certificate is not valid now');
  return x509.publicKey;
}

/** CertID with SHA-1 (RFC 5019's profile, what every responder accepts). */
export function certIdFor(serialNumber: string, issuer: IssuerCert): CertID {
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: new OctetString(Buffer.from(issuer.nameHash, 'hex')),
    issuerKeyHash: new OctetString(Buffer.from(issuer.keyHash, 'hex')),
    serialNumber: Uint8Array.from(integerBytes(serialNumber)).buffer,
  });
}

/** DER INTEGER content of a positive serial: minimal bytes, a 00 in front when the top bit is set. */
export function integerBytes(serialHex: string): Buffer {
  let hex = serialHex.replace(/[^0-9a-f]/gi, '').replace(/^0+/, '') || '0';
  if (hex.length % 2) hex = `0${hex}`;
  const raw = Buffer.from(hex, 'hex');
  return raw[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw;
}

function sameCertId(a: CertID, b: CertID): boolean {
  return a.hashAlgorithm.algorithm === b.hashAlgorithm.algorithm
    && Buffer.from(a.issuerNameHash.buffer).equals(Buffer.from(b.issuerNameHash.buffer))
    && Buffer.from(a.issuerKeyHash.buffer).equals(Buffer.from(b.issuerKeyHash.buffer))
    && integerBytes(Buffer.from(a.serialNumber).toString('hex')).equals(integerBytes(Buffer.from(b.serialNumber).toString('hex')));
}

function nonceMatches(extension: Extension, nonce: Buffer): boolean {
  const value = Buffer.from(extension.extnValue.buffer);
  // RFC 8954: the value is an OCTET STRING; some responders put the raw bytes instead.
  if (value.equals(nonce)) return true;
  try {
    return Buffer.from(AsnConvert.parse(value, Nonce).buffer).equals(nonce);
  } catch {
    return false;
  }
}

function verdictOf(single: SingleResponse): Verdict {
  const times = { thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate, source: 'ocsp' as const };
  const { certStatus } = single;
  if (certStatus.revoked) {
    return { ...times, ...revokedVerdict(certStatus.revoked.revocationReason?.reason), revokedAt: certStatus.revoked.revocationTime.toISOString() };
  }
  if (certStatus.good !== undefined) return { ...times, status: 'good' };
  return { ...times, status: 'unknown' };
}

/** thisUpdate not in the future, nextUpdate not passed; without nextUpdate, thisUpdate not older than maxAgeMs. */
export function checkFreshness(thisUpdate: Date, nextUpdate: Date | undefined, rules: Freshness, what: string): void {
  const now = rules.now.getTime();
  if (thisUpdate.getTime() > now + rules.clockSkewMs) throw new CheckError('stale', `${what}: thisUpdate is in the future`);
  if (nextUpdate && nextUpdate.getTime() < now - rules.clockSkewMs) throw new CheckError('stale', `${what}: nextUpdate ${nextUpdate.toISOString()} has passed`);
  if (!nextUpdate && now - thisUpdate.getTime() > rules.maxAgeMs) throw new CheckError('stale', `${what}: thisUpdate ${thisUpdate.toISOString()} is too old`);
}

function parse<T>(data: Buffer, type: new () => T, what: string): T {
  try {
    return AsnConvert.parse(data, type);
  } catch {
    throw new CheckError('unverifiable', `not a valid ${what}`);
  }
}

function sha1(data: ArrayBuffer): Buffer {
  return createHash('sha1').update(new Uint8Array(data)).digest();
}

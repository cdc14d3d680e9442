import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, CRLDistributionPoints, Certificate, Name,
  id_ad_caIssuers, id_ad_ocsp, id_ce_authorityKeyIdentifier, id_ce_cRLDistributionPoints, id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';

/**
 * What a revocation check (OCSP, RFC 6960; CRL, RFC 5280) needs to know about a certificate,
 * and nothing personal: the issuer's name hash (SHA-1 of its DER, as in an OCSP CertID), the
 * authority key id (to find the issuer certificate), and the addresses the certificate itself
 * names. The serial number and dates are already in the report's certificate summary.
 */
export interface RevocationPointers {
  /** SHA-1 of the issuer Name's DER, lower-case hex (OCSP CertID issuerNameHash). */
  issuerNameHash: string;
  /** Authority Key Identifier keyIdentifier, lower-case hex; null when the certificate has none. */
  authorityKeyId: string | null;
  /** Authority Information Access, id-ad-ocsp (http only). */
  ocspUrls: string[];
  /** CRL Distribution Points, full names (http only). */
  crlUrls: string[];
  /** Authority Information Access, id-ad-caIssuers (http only). */
  caIssuersUrls: string[];
}

const hex = (data: ArrayBuffer | Uint8Array): string => Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('hex');

export function revocationPointers(der: Buffer | Uint8Array): RevocationPointers {
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  const extension = <T>(oid: string, type: new () => T): T | undefined => {
    const ext = tbs.extensions?.find((e) => e.extnID === oid);
    return ext ? AsnConvert.parse(ext.extnValue, type) : undefined;
  };
  // Plain arrays: the library's AsnArray would leak its class into the report.
  const aia = [...(extension(id_pe_authorityInfoAccess, AuthorityInfoAccessSyntax) ?? [])];
  const urlsOf = (method: string): string[] =>
    aia.filter((a) => a.accessMethod === method).map((a) => a.accessLocation.uniformResourceIdentifier).filter(isHttp);
  const crlUrls = [...(extension(id_ce_cRLDistributionPoints, CRLDistributionPoints) ?? [])]
    .flatMap((dp) => dp.distributionPoint?.fullName ?? [])
    .map((name) => name.uniformResourceIdentifier)
    .filter(isHttp);
  const aki = extension(id_ce_authorityKeyIdentifier, AuthorityKeyIdentifier);
  return {
    issuerNameHash: createHash('sha1').update(new Uint8Array(AsnConvert.serialize(tbs.issuer as Name))).digest('hex'),
    authorityKeyId: aki?.keyIdentifier ? hex(aki.keyIdentifier.buffer) : null,
    ocspUrls: urlsOf(id_ad_ocsp),
    crlUrls,
    caIssuersUrls: urlsOf(id_ad_caIssuers),
  };
}

function isHttp(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

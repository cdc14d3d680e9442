import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectKeyIdentifier, id_ce_subjectKeyIdentifier } from '@peculiar/asn1-x509';
import type { RevocationPointers } from './types';

/** A CA certificate that may have issued the certificates checked, with its OCSP CertID hashes. */
export interface IssuerCert {
  x509: X509Certificate;
  asn: Certificate;
  publicKey: KeyObject;
  /** SHA-1 of the subject Name DER, hex. */
  nameHash: string;
  /** SHA-1 of the subjectPublicKey BIT STRING's value, hex (RFC 6960 issuerKeyHash). */
  keyHash: string;
  /** Subject Key Identifier, hex, when the certificate has one. */
  subjectKeyId: string | null;
}

const sha1 = (data: ArrayBuffer | Uint8Array): string => createHash('sha1').update(data instanceof Uint8Array ? data : new Uint8Array(data)).digest('hex');

export function issuerCert(der: Buffer): IssuerCert {
  const asn = AsnConvert.parse(der, Certificate);
  const x509 = new X509Certificate(der);
  const ski = asn.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  return {
    x509, asn, publicKey: x509.publicKey,
    nameHash: sha1(AsnConvert.serialize(asn.tbsCertificate.subject)),
    keyHash: sha1(asn.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
    subjectKeyId: ski ? Buffer.from(AsnConvert.parse(ski.extnValue, SubjectKeyIdentifier).buffer).toString('hex') : null,
  };
}

/** Every certificate in a PEM text (several blocks) or a DER file. */
export function certificatesIn(data: Buffer): Buffer[] {
  const text = data.toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length > 0) return blocks.map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return data[0] === 0x30 ? [data] : [];
}

/**
 * The CA certificates the deployment trusts for revocation answers (CERT_STATUS_CA_CERTS: a PEM
 * file or a folder of .pem/.crt/.cer files). Nothing about Kamu SM is built in.
 */
export class IssuerDirectory {
  constructor(readonly issuers: readonly IssuerCert[]) {}

  static load(path: string): IssuerDirectory {
    const files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => /\.(pem|crt|cer|der)$/i.test(f)).sort().map((f) => join(path, f))
      : [path];
    return new IssuerDirectory(files.flatMap((file) => certificatesIn(readFileSync(file)).map(issuerCert)));
  }

  /** The issuer named by the certificate's issuer name hash and authority key id. */
  find(pointers: RevocationPointers): IssuerCert | undefined {
    return this.issuers.find((ca) => ca.nameHash === pointers.issuerNameHash.toLowerCase()
      && (!pointers.authorityKeyId || [ca.subjectKeyId, ca.keyHash].includes(pointers.authorityKeyId.toLowerCase())));
  }
}

import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, KeyUsage, id_ce_keyUsage, type Name, type KeyUsageType } from '@peculiar/asn1-x509';
import { extractTckn, hashTckn, isValidTckn, maskTckn } from './tckn';
import { revocationPointers, type RevocationPointers } from './revocation';

/**
 * Certificate parsing and selection. Node's X509Certificate gives dates, serial and
 * fingerprint; @peculiar/asn1-x509 gives the name attributes and the keyUsage bits.
 */

const OID = { CN: '2.5.4.3', SERIALNUMBER: '2.5.4.5', C: '2.5.4.6', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11' } as const;
const OID_LABEL: Record<string, string> = {
  [OID.CN]: 'CN', [OID.SERIALNUMBER]: 'SERIALNUMBER', [OID.C]: 'C', [OID.L]: 'L', [OID.O]: 'O', [OID.OU]: 'OU',
};

/** The issuer phrase of every Kamu SM certificate, whatever its "Sürüm N". */
export const KAMU_SM_ISSUER_PHRASE = 'Kamu Elektronik Sertifika Hizmet Sağlayıcısı';

/** A certificate as read from the token: DER plus its PKCS#11 label/id. */
export interface RawCertificate {
  der: Buffer;
  label: string | null;
  id: string | null;
}

export interface ParsedCertificate {
  raw: RawCertificate;
  subject: NameAttributes;
  issuer: NameAttributes;
  issuerDn: string;
  keyUsage: KeyUsageType[];
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
}

/** Name attributes by short label; repeated attributes keep the first value. */
export type NameAttributes = Partial<Record<'CN' | 'SERIALNUMBER' | 'C' | 'L' | 'O' | 'OU', string>>;

/** What the report says about the certificate. No clear T.C. Kimlik No in here, ever. */
export interface CertificateSummary {
  /** Subject CN: the holder's name only. */
  holderName: string | null;
  /** "1*******46", or null when the subject has no T.C. number. */
  tcknMasked: string | null;
  /** HMAC-SHA256 of the T.C. number with the salt described by `tcknHashScope`. */
  tcknHash: string | null;
  /** `install`: per-install salt (unpaired); `server`: salt given by the bot at pairing. */
  tcknHashScope: 'install' | 'server' | null;
  /** True when the 11 digits pass the T.C. Kimlik No checksum. */
  tcknValid: boolean | null;
  /** Issuer CN (or the whole issuer DN when it has no CN). */
  issuer: string;
  issuerDn: string;
  isKamuSm: boolean;
  /** Certificate serial number, upper-case hex. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER, upper-case hex without separators. */
  sha256: string;
  keyUsage: KeyUsageType[];
  /** PKCS#11 label of the certificate object on the token. */
  tokenObjectLabel: string | null;
  /** What an OCSP/CRL check needs (PROTOCOL.md §4); absent from older agents. */
  revocation?: RevocationPointers;
}

function nameAttributes(name: Name): NameAttributes {
  const out: NameAttributes = {};
  for (const rdn of name) {
    for (const atv of rdn) {
      const label = OID_LABEL[atv.type] as keyof NameAttributes | undefined;
      if (label && out[label] === undefined) out[label] = atv.value.toString();
    }
  }
  return out;
}

function distinguishedName(name: Name): string {
  const parts: string[] = [];
  for (const rdn of name) {
    for (const atv of rdn) parts.push(`${OID_LABEL[atv.type] ?? atv.type}=${atv.value.toString()}`);
  }
  return parts.join(', ');
}

function keyUsageOf(cert: Certificate): KeyUsageType[] {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_keyUsage);
  if (!ext) return [];
  return AsnConvert.parse(ext.extnValue, KeyUsage).toJSON();
}

export function parseCertificate(raw: RawCertificate): ParsedCertificate {
  const asn = AsnConvert.parse(raw.der, Certificate);
  const x509 = new X509Certificate(raw.der);
  return {
    raw,
    subject: nameAttributes(asn.tbsCertificate.subject),
    issuer: nameAttributes(asn.tbsCertificate.issuer),
    issuerDn: distinguishedName(asn.tbsCertificate.issuer),
    keyUsage: keyUsageOf(asn),
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    sha256: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
  };
}

/** Folds case and Turkish letters so "SAĞLAYICISI", "Sağlayıcısı", "Saglayicisi" compare equal. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('tr-TR')
    .replace(/ı/g, 'i').replace(/ş/g, 's').replace(/ğ/g, 'g')
    .replace(/ç/g, 'c').replace(/ö/g, 'o').replace(/ü/g, 'u')
    .replace(/\s+/g, ' ');
}

export function isKamuSmIssuer(issuerCn: string | undefined): boolean {
  return issuerCn !== undefined && fold(issuerCn).includes(fold(KAMU_SM_ISSUER_PHRASE));
}

/**
 * The signing certificate is the one whose key usage includes nonRepudiation. When there
 * are several: a Kamu SM one first, then the one valid longest.
 */
export function chooseSigningCertificate(certs: readonly ParsedCertificate[]): ParsedCertificate | null {
  const signing = certs.filter((c) => c.keyUsage.includes('nonRepudiation'));
  signing.sort(
    (a, b) =>
      Number(isKamuSmIssuer(b.issuer.CN)) - Number(isKamuSmIssuer(a.issuer.CN)) ||
      b.notAfter.getTime() - a.notAfter.getTime(),
  );
  return signing[0] ?? null;
}

export interface TcknSalt {
  salt: Buffer;
  scope: 'install' | 'server';
}

export function summariseCertificate(cert: ParsedCertificate, salt: TcknSalt): CertificateSummary {
  const tckn = cert.subject.SERIALNUMBER ? extractTckn(cert.subject.SERIALNUMBER) : null;
  return {
    holderName: cert.subject.CN ?? null,
    tcknMasked: tckn ? maskTckn(tckn) : null,
    tcknHash: tckn ? hashTckn(tckn, salt.salt) : null,
    tcknHashScope: tckn ? salt.scope : null,
    tcknValid: tckn ? isValidTckn(tckn) : null,
    issuer: cert.issuer.CN ?? cert.issuerDn,
    issuerDn: cert.issuerDn,
    isKamuSm: isKamuSmIssuer(cert.issuer.CN),
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha256: cert.sha256,
    keyUsage: cert.keyUsage,
    tokenObjectLabel: cert.raw.label,
    revocation: pointersOf(cert.raw.der),
  };
}

function pointersOf(der: Buffer): RevocationPointers | undefined {
  try {
    return revocationPointers(der);
  } catch {
    return undefined; // an odd extension must not cost the whole report
  }
}

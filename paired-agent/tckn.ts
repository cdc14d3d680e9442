import { createHmac } from 'node:crypto';

/**
 * T.C. Kimlik No helpers. The number is personal data: the agent only ever emits
 * `maskTckn()` and `hashTckn()` of it, never the digits themselves.
 */

/** Checksum rule: d1 != 0, d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10, d11 = sum(d1..d10) mod 10. */
export function isValidTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d[9] === d10 && d[10] === d11;
}

/**
 * Pulls the 11 digits out of a certificate subject SERIALNUMBER such as
 * "12345678950" or "TCKTR-12345678950". Returns null when there are no 11 digits.
 */
export function extractTckn(serialNumber: string): string | null {
  const match = /^(?:[A-Za-z]{2,8}[-:]?)?(\d{11})$/.exec(serialNumber.trim());
  return match ? match[1] : null;
}

/** "12345678950" -> "1*******50": first digit, seven stars, last two digits. */
export function maskTckn(tckn: string): string {
  return `${tckn.slice(0, 1)}*******${tckn.slice(-2)}`;
}

/** HMAC-SHA256(salt, "tckn:" + digits), hex. Same person + same salt -> same value. */
export function hashTckn(tckn: string, salt: Buffer): string {
  return createHmac('sha256', salt).update(`tckn:${tckn}`, 'utf8').digest('hex');
}

import { verify, type KeyObject } from 'node:crypto';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/** Signature algorithms a CA uses for OCSP responses and CRLs, mapped to node:crypto's digest names. */
const DIGEST_OF: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1', // sha1WithRSAEncryption
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1', // ecdsa-with-SHA1
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null, // Ed25519
};

/**
 * True when `signature` over `data` verifies with `key` under `algorithm`. An algorithm outside
 * the table (RSASSA-PSS with parameters, …) is not verified: false, so the answer is refused.
 */
export function verifySignature(algorithm: AlgorithmIdentifier, key: KeyObject, data: ArrayBuffer | Uint8Array, signature: ArrayBuffer | Uint8Array): boolean {
  if (!(algorithm.algorithm in DIGEST_OF)) return false;
  try {
    return verify(DIGEST_OF[algorithm.algorithm], bytes(data), key, bytes(signature));
  } catch {
    return false;
  }
}

export function bytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

import { createHmac, randomBytes } from 'node:crypto';
import { crc32Hex } from './crc32.js';

export { crc32, crc32Hex } from './crc32.js';

/** Every Socifyr API key starts with this. */
export const KEY_PREFIX = 'sk_';
/** Random part: 28 bytes = 224 bits = 56 hex characters. */
export const KEY_RANDOM_BYTES = 28;
/** Hex characters of the CRC-32 checksum at the end of a key. */
export const KEY_CHECKSUM_HEX_LENGTH = 8;
/** Total length of a key: `sk_` + 56 random hex + 8 checksum hex = 67. */
export const KEY_LENGTH = KEY_PREFIX.length + KEY_RANDOM_BYTES * 2 + KEY_CHECKSUM_HEX_LENGTH;

const KEY_SHAPE = /^sk_[0-9a-f]{64}$/;

/** Why a string is not a usable key: wrong shape, or the right shape with a wrong checksum. */
export type KeyRejection = 'shape' | 'checksum';

export type ParseKeyResult = { ok: true; key: string } | { ok: false; reason: KeyRejection };

/**
 * Creates a new key from the OS CSPRNG: `sk_` + 56 random hex + the CRC-32 of everything before it.
 *
 * @param random source of random bytes; tests may pass a fixed one
 * @example const plaintext = generateKey() // "sk_4b737840…" (67 characters)
 */
export function generateKey(random: (size: number) => Uint8Array = randomBytes): string {
  const body = KEY_PREFIX + Buffer.from(random(KEY_RANDOM_BYTES)).toString('hex');
  return body + crc32Hex(body);
}

/**
 * Checks a candidate key without any I/O: the exact shape, then the checksum.
 * Use it before touching a store, so garbage and typos never cost a lookup.
 *
 * @example parseKey('sk_nope') // { ok: false, reason: 'shape' }
 */
export function parseKey(candidate: string): ParseKeyResult {
  if (candidate.length !== KEY_LENGTH || !KEY_SHAPE.test(candidate)) {
    return { ok: false, reason: 'shape' };
  }
  const split = KEY_LENGTH - KEY_CHECKSUM_HEX_LENGTH;
  if (crc32Hex(candidate.slice(0, split)) !== candidate.slice(split)) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, key: candidate };
}

/** True when `candidate` has the shape and checksum of a key (it may still be unknown to the server). */
export function isWellFormedKey(candidate: string): boolean {
  return parseKey(candidate).ok;
}

/**
 * A short, safe-to-show reminder of a key: the prefix, 4 characters after it, an ellipsis and the last 4.
 * It reveals 16 of the 224 random bits (the first 4 hex) and 16 bits of the checksum (the last 4 hex),
 * which leaves 208 bits unknown: it cannot be used to guess the key.
 *
 * @example keyHint('sk_4b737840…9e1b') // "sk_4b73…9e1b"
 */
export function keyHint(key: string): string {
  return `${key.slice(0, KEY_PREFIX.length + 4)}…${key.slice(-4)}`;
}

/**
 * The value stored for a key: HMAC-SHA-256 under the server secret, as 64 lowercase hex characters.
 * Without the secret, a stolen database cannot be used to test guesses offline.
 */
export function keyDigest(secret: string | Uint8Array, key: string): string {
  return createHmac('sha256', secret).update(key).digest('hex');
}

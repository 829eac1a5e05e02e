/** Keys for floods: well-formed ones no server issued, and ones whose checksum is wrong. */
import { randomBytes } from 'node:crypto';
import { KEYS_DIST } from './paths.mjs';

const { generateKey, parseKey } = await import(KEYS_DIST.href);

/** `count` keys with the right shape and checksum that no server has issued (224 random bits each). */
export const unknownKeys = (count) => Array.from({ length: count }, () => generateKey());

/** `count` strings shaped like keys (`sk_` + 64 hex) whose CRC-32 does not match. */
export function badChecksumKeys(count) {
  return Array.from({ length: count }, () => {
    const key = `sk_${randomBytes(32).toString('hex')}`;
    if (parseKey(key).ok) throw new Error('a random string passed the checksum; run again'); // 1 in 2^32
    return key;
  });
}

/** `count` distinct client addresses in 10.0.0.0/8 (only ever sent as X-Forwarded-For text). */
export const forwardedAddresses = (count) =>
  Array.from({ length: count }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);

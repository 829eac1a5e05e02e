import { randomBytes } from 'node:crypto';

export type IdPrefix = 'usr' | 'ws' | 'mem' | 'inv' | 'key' | 'con' | 'post' | 'ses';

// The last id's parts, so ids made in the same millisecond still sort in the order they were made.
let lastMs = -1;
let lastRandom = 0n;

/**
 * A new opaque id such as `key_01j9…`: 12 hex characters of milliseconds, then 16 hex characters of a
 * random number. Within one process ids are strictly increasing — in the same millisecond (or if the
 * clock steps back) the previous random part plus one is used — so "newest first" is exact even for rows
 * created in the same millisecond.
 */
export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  let ms = nowMs;
  let random: bigint;
  if (ms <= lastMs) {
    ms = lastMs;
    random = lastRandom + 1n;
  } else {
    // 63 random bits: the top bit stays clear so increments within a millisecond cannot overflow.
    random = BigInt(`0x${randomBytes(8).toString('hex')}`) >> 1n;
  }
  lastMs = ms;
  lastRandom = random;
  return `${prefix}_${ms.toString(16).padStart(12, '0')}${random.toString(16).padStart(16, '0')}`;
}

/** The exact shape `newId` produces, for checking ids that arrive in headers. */
const ID_BODY = /^[0-9a-f]{28}$/;

export function isIdOf(prefix: IdPrefix, value: string): boolean {
  return (
    value.length === prefix.length + 29 &&
    value.startsWith(`${prefix}_`) &&
    ID_BODY.test(value.slice(prefix.length + 1))
  );
}

import { randomBytes } from 'node:crypto';

export type IdPrefix = 'usr' | 'ws' | 'mem' | 'inv' | 'key' | 'con' | 'post' | 'ses';

/**
 * A new opaque id such as `key_01j9…`: 12 hex characters of milliseconds (so ids sort by creation time)
 * then 16 random hex characters.
 */
export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  return `${prefix}_${nowMs.toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
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

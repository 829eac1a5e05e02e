/**
 * Detects a changed key secret. Every stored digest depends on the secret, so starting with another one
 * (a forgotten SOCIFYR_KEY_SECRET, a lost data/key-secret, a second server configured differently)
 * silently turns every existing key into "Invalid API key". The database keeps a fingerprint of the
 * secret — an HMAC of a fixed label, which reveals nothing about the secret — and start-up compares.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/tables.js';

const SETTING = 'key_secret_fingerprint';

export const secretFingerprint = (secret: string): string =>
  createHmac('sha256', secret).update('socifyr key-secret fingerprint v1').digest('hex');

export type SecretCheck =
  | { status: 'recorded' | 'match' }
  /** The secret differs from the one the `keyCount` stored keys were made with. */
  | { status: 'mismatch'; keyCount: number };

/**
 * Compares the secret with the recorded fingerprint. With no keys stored there is nothing to lose, so a
 * new secret is simply recorded; with keys stored, the old fingerprint stays until the secret is restored.
 */
export async function checkSecretFingerprint(db: Db, secret: string): Promise<SecretCheck> {
  const fingerprint = secretFingerprint(secret);
  const row = await db.selectFrom('settings').select('value').where('name', '=', SETTING).executeTakeFirst();
  if (row?.value === fingerprint) return { status: 'match' };
  if (row) {
    const { count } = await db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) > 0) return { status: 'mismatch', keyCount: Number(count) };
    await db.updateTable('settings').set({ value: fingerprint }).where('name', '=', SETTING).execute();
    return { status: 'recorded' };
  }
  await db
    .insertInto('settings')
    .values({ name: SETTING, value: fingerprint })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return { status: 'recorded' };
}

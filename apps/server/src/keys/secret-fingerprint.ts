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
  /** Another secret was recorded; `keyCount` keys were made with it and fail under this one. */
  | { status: 'mismatch' | 'replaced'; keyCount: number };

export interface CheckSecretOptions {
  /** Record this secret even though another one was recorded (the operator means to change it). */
  acceptNew?: boolean;
}

/**
 * Compares the secret with the recorded fingerprint. A different secret is a mismatch — whether keys
 * exist or not, since a second process with another secret (a `bootstrap` run without the server's
 * SOCIFYR_KEY_SECRET) would hand out keys the server rejects — unless `acceptNew` replaces it.
 */
export async function checkSecretFingerprint(
  db: Db,
  secret: string,
  { acceptNew = false }: CheckSecretOptions = {},
): Promise<SecretCheck> {
  const fingerprint = secretFingerprint(secret);
  const row = await db.selectFrom('settings').select('value').where('name', '=', SETTING).executeTakeFirst();
  if (row?.value === fingerprint) return { status: 'match' };
  if (!row) {
    const inserted = await db
      .insertInto('settings')
      .values({ name: SETTING, value: fingerprint })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { status: 'recorded' };
    // Another server recorded its secret first: compare with that one.
    return checkSecretFingerprint(db, secret, { acceptNew });
  }
  const { count } = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  const keyCount = Number(count);
  if (!acceptNew) return { status: 'mismatch', keyCount };
  await db.updateTable('settings').set({ value: fingerprint }).where('name', '=', SETTING).execute();
  return { status: 'replaced', keyCount };
}

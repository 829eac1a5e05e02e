import { describe, expect, it } from 'vitest';
import { openSqlite } from '../db/database.js';
import { openTestDatabase } from '../test/test-stores.js';
import { checkSecretFingerprint, secretFingerprint } from './secret-fingerprint.js';

const SECRET_A = 'a'.repeat(64);
const SECRET_B = 'b'.repeat(64);

async function addKey(db: Awaited<ReturnType<typeof openSqlite>>) {
  const now = new Date().toISOString();
  await db
    .insertInto('workspaces')
    .values({ id: 'ws_1', name: 'W', tier: 'free', created_at: now })
    .execute();
  await db
    .insertInto('api_keys')
    .values({
      id: 'key_1',
      workspace_id: 'ws_1',
      created_by_user_id: 'usr_1',
      label: 'k',
      hint: 'sk_…',
      digest: 'd'.repeat(64),
      created_at: now,
      last_used_at: null,
    })
    .execute();
}

describe('checkSecretFingerprint', () => {
  it('records only one of two secrets checked at once (two servers starting together)', async () => {
    const { db, close } = await openTestDatabase();
    try {
      const results = await Promise.all([
        checkSecretFingerprint(db, SECRET_A),
        checkSecretFingerprint(db, SECRET_B),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['mismatch', 'recorded']);
    } finally {
      await close();
    }
  });

  it('records the first secret, then recognises it', async () => {
    const db = await openSqlite({ dataDir: ':memory:' });
    expect(await checkSecretFingerprint(db, SECRET_A)).toEqual({ status: 'recorded' });
    expect(await checkSecretFingerprint(db, SECRET_A)).toEqual({ status: 'match' });
    const stored = await db.selectFrom('settings').selectAll().execute();
    expect(stored).toEqual([{ name: 'key_secret_fingerprint', value: secretFingerprint(SECRET_A) }]);
    expect(JSON.stringify(stored)).not.toContain(SECRET_A);
    await db.destroy();
  });

  it('reports another secret while keys made with the first one exist, and keeps the old fingerprint', async () => {
    const db = await openSqlite({ dataDir: ':memory:' });
    await checkSecretFingerprint(db, SECRET_A);
    await addKey(db);
    expect(await checkSecretFingerprint(db, SECRET_B)).toEqual({ status: 'mismatch', keyCount: 1 });
    expect(await checkSecretFingerprint(db, SECRET_B)).toEqual({ status: 'mismatch', keyCount: 1 });
    expect(await checkSecretFingerprint(db, SECRET_A)).toEqual({ status: 'match' });
    await db.destroy();
  });

  it('reports another secret even with no keys yet (a second process must not diverge), and replaces it on request', async () => {
    const db = await openSqlite({ dataDir: ':memory:' });
    await checkSecretFingerprint(db, SECRET_A);
    expect(await checkSecretFingerprint(db, SECRET_B)).toEqual({ status: 'mismatch', keyCount: 0 });
    expect(await checkSecretFingerprint(db, SECRET_B, { acceptNew: true })).toEqual({
      status: 'replaced',
      keyCount: 0,
    });
    expect(await checkSecretFingerprint(db, SECRET_B)).toEqual({ status: 'match' });
    expect(await checkSecretFingerprint(db, SECRET_A)).toEqual({ status: 'mismatch', keyCount: 0 });
    await db.destroy();
  });
});

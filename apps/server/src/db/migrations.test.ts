import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from './database.js';
import { migrateTo, migrateToLatest } from './migrations.js';
import type { Db, InvitationRow, Tables } from './tables.js';

let db: Db;

beforeEach(() => {
  const sqlite = new SQLite(':memory:');
  sqlite.pragma('foreign_keys = ON');
  db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterEach(async () => {
  await db.destroy();
});

/** An invitation row; ids sort by creation time, as `newId` makes them. */
const invitation = (id: string, workspaceId: string, email: string): InvitationRow => ({
  id,
  workspace_id: workspaceId,
  email,
  role_key: 'EDITOR',
  token_hash: `hash-of-${id}`,
  invited_by_user_id: 'usr_x',
  expires_at: '2030-01-08T00:00:00.000Z',
  created_at: '2030-01-01T00:00:00.000Z',
});

describe('0003_unique_pending_invitation', () => {
  it('keeps only the newest pending invitation per workspace and email, then refuses duplicates', async () => {
    await migrateTo(db, '0002_settings');
    await db
      .insertInto('workspaces')
      .values(
        ['ws_a', 'ws_b'].map((id) => ({ id, name: id, tier: 'free', created_at: '2030-01-01T00:00:00Z' })),
      )
      .execute();
    await db
      .insertInto('invitations')
      .values([
        invitation('inv_001', 'ws_a', 'bob@example.com'),
        invitation('inv_003', 'ws_a', 'bob@example.com'),
        invitation('inv_002', 'ws_a', 'bob@example.com'),
        invitation('inv_004', 'ws_a', 'carol@example.com'),
        invitation('inv_005', 'ws_b', 'bob@example.com'),
      ])
      .execute();

    await migrateToLatest(db);

    const left = await db
      .selectFrom('invitations')
      .select(['id', 'workspace_id', 'email'])
      .orderBy('id')
      .execute();
    expect(left).toEqual([
      { id: 'inv_003', workspace_id: 'ws_a', email: 'bob@example.com' },
      { id: 'inv_004', workspace_id: 'ws_a', email: 'carol@example.com' },
      { id: 'inv_005', workspace_id: 'ws_b', email: 'bob@example.com' },
    ]);
    const duplicate = db.insertInto('invitations').values(invitation('inv_006', 'ws_a', 'bob@example.com'));
    const error = await duplicate.execute().catch((e: unknown) => e);
    expect(isUniqueViolation(error), String(error)).toBe(true);
  });
});

/**
 * Data folders for the bench: a database with any number of keys, seeded fast with batched inserts
 * straight into the SQLite file, each key made exactly as the server makes one (`generateKey`, its
 * HMAC `keyDigest` under the server secret, `keyHint`, an id from the server's `newId`). The schema and
 * the secret fingerprint come from the server's own `openStores`, so the server starts on it as on any
 * folder it created itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS_DIST, requireFromServer, serverModule } from './paths.mjs';

const { generateKey, keyDigest, keyHint } = await import(KEYS_DIST.href);
const { newId } = await import(serverModule('ids.js'));
const { loadConfig } = await import(serverModule('config.js'));
const { openStores } = await import(serverModule('stores.js'));
const { SQLITE_FILE_NAME } = await import(serverModule('db/database.js'));
const SQLite = requireFromServer('better-sqlite3');

/** Keys per workspace in a seeded database: workspace 0 holds the keys whose plaintexts the bench keeps. */
export const KEYS_PER_WORKSPACE = 1000;
/** Rows per transaction while seeding. */
const BATCH_ROWS = 10_000;

/** A fresh random secret of the length `openssl rand -hex 32` gives. */
export const newKeySecret = () => randomBytes(32).toString('hex');

/** A new empty folder under the system's temporary folder; `remove()` deletes it. */
export function tempFolder(prefix = 'socifyr-bench-') {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Creates the schema in `dataDir` (through the server's own start-up code) and seeds `keyCount` keys
 * in workspaces of KEYS_PER_WORKSPACE keys, each owned by its own OWNER. The plaintexts of the first
 * `knownKeys` keys (all in workspace 0) are returned; the others are kept nowhere.
 *
 * @returns {Promise<{ workspaceId: string, userId: string, known: { id: string, plaintext: string }[],
 *   seconds: number, bytes: number }>}
 */
export async function seedDataDir({ dataDir, keySecret, keyCount, knownKeys = Math.min(keyCount, 1000) }) {
  if (knownKeys > Math.min(keyCount, KEYS_PER_WORKSPACE)) {
    throw new Error(`knownKeys must be at most ${KEYS_PER_WORKSPACE} and at most keyCount`);
  }
  const started = performance.now();
  const stores = await openStores(loadConfig({ SOCIFYR_DATA_DIR: dataDir, SOCIFYR_KEY_SECRET: keySecret }));
  await stores.close();

  const file = join(dataDir, SQLITE_FILE_NAME);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // seeding only: the server reopens it with its own settings
  const insertUser = db.prepare(
    'insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)',
  );
  const insertWorkspace = db.prepare(
    'insert into workspaces (id, name, tier, created_at) values (?, ?, ?, ?)',
  );
  const insertMember = db.prepare(
    'insert into memberships (id, workspace_id, user_id, role_key, joined_at) values (?, ?, ?, ?, ?)',
  );
  const insertKey = db.prepare(
    'insert into api_keys (id, workspace_id, created_by_user_id, label, hint, digest, created_at, last_used_at) values (?, ?, ?, ?, ?, ?, ?, null)',
  );

  const now = new Date().toISOString();
  const workspaces = [];
  const known = [];
  const insertBatch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const w = Math.floor(i / KEYS_PER_WORKSPACE);
      if (workspaces[w] === undefined) {
        const userId = newId('usr');
        const workspaceId = newId('ws');
        // Never signed in with: the bench authenticates with keys only.
        insertUser.run(userId, `bench-${w}@example.com`, `Bench ${w}`, 'seeded-without-password', now);
        insertWorkspace.run(workspaceId, `Bench workspace ${w}`, 'free', now);
        insertMember.run(newId('mem'), workspaceId, userId, 'OWNER', now);
        workspaces[w] = { workspaceId, userId };
      }
      const { workspaceId, userId } = workspaces[w];
      const plaintext = generateKey();
      const id = newId('key');
      insertKey.run(
        id,
        workspaceId,
        userId,
        `bench ${i}`,
        keyHint(plaintext),
        keyDigest(keySecret, plaintext),
        now,
      );
      if (i < knownKeys) known.push({ id, plaintext });
    }
  });
  for (let from = 0; from < keyCount; from += BATCH_ROWS)
    insertBatch(from, Math.min(keyCount, from + BATCH_ROWS));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  return {
    workspaceId: workspaces[0].workspaceId,
    userId: workspaces[0].userId,
    known,
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(file).size,
  };
}

/**
 * better-auth with its API-key plugin, set up as its documentation says (`betterAuth({ database,
 * plugins: [apiKey()] })`, schema from its own migrations) on better-sqlite3, given the same SQLite
 * settings as our server (WAL, synchronous NORMAL). Its per-key rate limit stays on, raised like ours;
 * keys are created with `auth.api.createApiKey` and checked with `auth.api.verifyApiKey`.
 */

import { join } from 'node:path';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { requireFromServer } from '../paths.mjs';

const SQLite = requireFromServer('better-sqlite3');

export async function createBetterAuth({ dataDir, keyCount, keySecret }) {
  const db = new SQLite(join(dataDir, 'better-auth.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  let queries = 0;
  const prepare = db.prepare.bind(db);
  // Every query better-auth sends through Kysely is prepared once: counting prepares counts queries.
  db.prepare = (sql) => {
    queries += 1;
    return prepare(sql);
  };
  const auth = betterAuth({
    database: db,
    secret: keySecret,
    baseURL: 'http://127.0.0.1',
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    plugins: [apiKey({ rateLimit: { enabled: true, timeWindow: 60_000, maxRequests: 1_000_000_000 } })],
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const { user } = await auth.api.signUpEmail({
    body: { email: 'bench@example.com', password: 'correct horse battery staple', name: 'Bench' },
  });
  const keys = [];
  for (let i = 0; i < keyCount; i++) {
    keys.push((await auth.api.createApiKey({ body: { userId: user.id, name: `bench ${i}` } })).key);
  }
  return {
    keys,
    queries: () => queries,
    async verify(plaintext) {
      return (await auth.api.verifyApiKey({ body: { key: plaintext } })).valid;
    },
    async close() {
      db.close();
    },
  };
}

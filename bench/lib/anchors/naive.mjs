/**
 * The naive baseline: SHA-256 of the key, one SELECT by digest, one UPDATE of last_used_at, on every
 * call — with better-sqlite3 prepared statements and the same SQLite settings as our server (WAL,
 * synchronous NORMAL), and an index on the digest.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { KEYS_DIST, requireFromServer } from '../paths.mjs';

const { generateKey } = await import(KEYS_DIST.href);
const SQLite = requireFromServer('better-sqlite3');

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

export async function createNaive({ dataDir, keyCount }) {
  const db = new SQLite(join(dataDir, 'naive.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'create table api_keys (id integer primary key, key_hash text not null unique, user_id text not null, last_used_at text)',
  );
  const insert = db.prepare('insert into api_keys (key_hash, user_id) values (?, ?)');
  const keys = Array.from({ length: keyCount }, () => generateKey());
  db.transaction(() => {
    for (const key of keys) insert.run(sha256(key), 'usr_bench');
  })();
  const select = db.prepare('select id, user_id from api_keys where key_hash = ?');
  const touch = db.prepare('update api_keys set last_used_at = ? where id = ?');
  let queries = 0;
  return {
    keys,
    queries: () => queries,
    async verify(plaintext) {
      const row = select.get(sha256(plaintext));
      queries += 1;
      if (!row) return false;
      touch.run(new Date().toISOString(), row.id);
      queries += 1;
      return true;
    },
    async close() {
      db.close();
    },
  };
}

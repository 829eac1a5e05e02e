/** Opens the stores the configuration asks for. This edition: embedded SQLite and the key secret beside it. */
import type { Config } from './config.js';
import { openSqlite, SQLITE_FILE_NAME } from './db/database.js';
import type { Db } from './db/tables.js';
import { resolveKeySecret } from './keys/server-secret.js';

export interface Stores {
  db: Db;
  keySecret: string;
  /** Lines worth logging at start-up: which stores are in use, where the secret came from. */
  notices: string[];
  close(): Promise<void>;
}

export async function openStores(config: Config): Promise<Stores> {
  const notices: string[] = [];
  if (config.databaseUrl || config.redisUrl) {
    notices.push(
      'DATABASE_URL / REDIS_URL are set but this build supports only the embedded SQLite store; ignoring them',
    );
  }
  const db = await openSqlite({ dataDir: config.dataDir });
  notices.push(
    `storage: SQLite at ${config.dataDir}/${SQLITE_FILE_NAME}; rate limits and invalidations in process`,
  );
  const secret = resolveKeySecret(config.keySecret, config.dataDir);
  notices.push(
    secret.source === 'environment'
      ? 'key secret: from SOCIFYR_KEY_SECRET'
      : `key secret: ${secret.source === 'generated' ? 'generated into' : 'read from'} ${secret.file} — every API key depends on it: back it up, and set SOCIFYR_KEY_SECRET to this value on any other server of this deployment`,
  );
  return { db, keySecret: secret.secret, notices, close: () => db.destroy() };
}

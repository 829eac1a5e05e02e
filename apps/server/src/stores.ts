/** Opens the stores the configuration asks for. This edition: embedded SQLite and the key secret beside it. */
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { openSqlite, SQLITE_FILE_NAME } from './db/database.js';
import type { Db } from './db/tables.js';
import { checkSecretFingerprint } from './keys/secret-fingerprint.js';
import { resolveKeySecret } from './keys/server-secret.js';

export interface Notice {
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface Stores {
  db: Db;
  keySecret: string;
  /** Lines worth logging at start-up: which stores are in use, where the secret came from, what is wrong. */
  notices: Notice[];
  close(): Promise<void>;
}

/** Errors of the file system that mean the data folder itself is unusable. */
const DATA_DIR_ERRORS = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT']);

export class DataDirError extends Error {}
/** The key secret differs from the one the database was set up with. */
export class KeySecretMismatchError extends Error {}

/**
 * Opens the database and resolves the key secret. Throws DataDirError for an unusable data folder and
 * KeySecretFileError for an unusable key-secret file (DATABASE_URL / REDIS_URL never get here: loadConfig
 * refuses them).
 */
export async function openStores(config: Config): Promise<Stores> {
  const notices: Notice[] = [];
  let db: Db;
  let secret: ReturnType<typeof resolveKeySecret>;
  try {
    db = await openSqlite({ dataDir: config.dataDir });
    secret = resolveKeySecret(config.keySecret, config.dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!DATA_DIR_ERRORS.has(code) && !/SQLITE_CANTOPEN|SQLITE_READONLY/.test(code)) throw error;
    throw new DataDirError(
      `SOCIFYR_DATA_DIR=${config.dataDir} cannot be used (${(error as Error).message}); point it to a folder this user can write`,
    );
  }
  notices.push({
    level: 'info',
    message: `storage: SQLite at ${resolve(config.dataDir, SQLITE_FILE_NAME)}; rate limits and invalidations in process`,
  });
  notices.push({
    level: 'info',
    message:
      secret.source === 'environment'
        ? 'key secret: from SOCIFYR_KEY_SECRET'
        : `key secret: ${secret.source === 'generated' ? 'generated into' : 'read from'} ${secret.file} — every API key depends on it: back it up, and set SOCIFYR_KEY_SECRET to this value on any other server of this deployment`,
  });
  const check = await checkSecretFingerprint(db, secret.secret, { acceptNew: config.acceptNewKeySecret });
  const where = secret.source === 'environment' ? 'SOCIFYR_KEY_SECRET' : secret.file;
  if (check.status === 'mismatch') {
    await db.destroy();
    throw new KeySecretMismatchError(
      `the key secret (${where}) is not the one this database was set up with, under which its ${check.keyCount} API key(s) were made: with it they would all answer 401 "Invalid API key". Use the same secret as the server (the previous SOCIFYR_KEY_SECRET, or the data folder's key-secret file); to start over with this one, set SOCIFYR_ACCEPT_NEW_KEY_SECRET=1 once`,
    );
  }
  if (check.status === 'replaced') {
    notices.push({
      level: 'warn',
      message: `key secret replaced by ${where} (SOCIFYR_ACCEPT_NEW_KEY_SECRET): the ${check.keyCount} API key(s) made under the previous one no longer work`,
    });
  }
  return { db, keySecret: secret.secret, notices, close: () => db.destroy() };
}

/**
 * Opens the stores the configuration asks for: the embedded SQLite database (default) or PostgreSQL
 * (DATABASE_URL), Redis when REDIS_URL is set, and the key secret.
 */
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { openSqlite, SQLITE_FILE_NAME } from './db/database.js';
import { openPostgres } from './db/postgres.js';
import type { Db } from './db/tables.js';
import { checkSecretFingerprint } from './keys/secret-fingerprint.js';
import { resolveKeySecret } from './keys/server-secret.js';

export interface Notice {
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface Stores {
  db: Db;
  /** Shared rate limits and invalidations, when REDIS_URL is set. */
  redis: Redis | undefined;
  keySecret: string;
  /** Lines worth logging at start-up: which stores are in use, where the secret came from, what is wrong. */
  notices: Notice[];
  close(): Promise<void>;
}

/** Errors of the file system that mean the data folder itself is unusable. */
const DATA_DIR_ERRORS = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT']);

export class DataDirError extends Error {}
/** PostgreSQL cannot be reached or refuses the credentials at start-up. */
export class DatabaseUnavailableError extends Error {}
/** The key secret differs from the one the database was set up with. */
export class KeySecretMismatchError extends Error {}

/**
 * Opens the database and Redis and resolves the key secret. Throws DataDirError for an unusable data
 * folder, DatabaseUnavailableError for a PostgreSQL that cannot be used, KeySecretFileError for an
 * unusable key-secret file and KeySecretMismatchError for a secret the database was not set up with.
 */
export async function openStores(config: Config): Promise<Stores> {
  const notices: Notice[] = [];
  const db = config.databaseUrl
    ? await openPostgresStore(config, config.databaseUrl)
    : await openSqliteStore(config);
  let secret: ReturnType<typeof resolveKeySecret>;
  try {
    secret = resolveKeySecret(config.keySecret, config.dataDir);
  } catch (error) {
    await db.destroy();
    throw dataDirError(config, error);
  }
  const redis = config.redisUrl ? openRedis(config.redisUrl) : undefined;
  notices.push({ level: 'info', message: describeStores(config) });
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
    redis?.disconnect();
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
  return {
    db,
    redis,
    keySecret: secret.secret,
    notices,
    async close() {
      await db.destroy();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function openSqliteStore(config: Config): Promise<Db> {
  try {
    return await openSqlite({ dataDir: config.dataDir });
  } catch (error) {
    throw dataDirError(config, error);
  }
}

function dataDirError(config: Config, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (!DATA_DIR_ERRORS.has(code) && !/SQLITE_CANTOPEN|SQLITE_READONLY/.test(code)) return error;
  return new DataDirError(
    `SOCIFYR_DATA_DIR=${config.dataDir} cannot be used (${(error as Error).message}); point it to a folder this user can write`,
  );
}

async function openPostgresStore(config: Config, url: string): Promise<Db> {
  try {
    return await openPostgres({ url, poolSize: config.databasePoolSize });
  } catch (error) {
    const where = `the PostgreSQL database at ${describeUrl(url)}`;
    const reason = reasonOf(error);
    throw new DatabaseUnavailableError(
      /permission denied/i.test(reason)
        ? `cannot set up ${where} (${reason}); the user of DATABASE_URL must own the database or have CREATE on its schema (GRANT CREATE ON SCHEMA public TO …)`
        : `cannot use ${where} (${reason}); check DATABASE_URL and that the server is running`,
    );
  }
}

/** An error's message with those of its causes (a failed migration wraps the database's own words). */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error as { message?: string; code?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    const text = e.message || e.code;
    if (text) parts.push(text);
    if (parts.length === 3) break;
  }
  return parts.join(': ') || 'no answer';
}

/**
 * A Redis connection that never queues commands while disconnected: a rate-limit check or a publish
 * fails at once instead, and the caller falls back (local limits, short cache lifetimes).
 */
export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    // A command that timed out has been answered from the fallback already; it must not run again later.
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectionName: 'socifyr-server',
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // Connection errors are reported by the stores that use Redis, as what they mean for requests; the last
  // one is kept for the start-up warning (a wrong password shows only here).
  redis.on('error', (error: Error) => {
    lastRedisErrors.set(redis, error.message);
  });
  return redis;
}

function describeStores(config: Config): string {
  const database = config.databaseUrl
    ? `PostgreSQL at ${describeUrl(config.databaseUrl)} (pool of ${config.databasePoolSize})`
    : `SQLite at ${resolve(config.dataDir, SQLITE_FILE_NAME)}`;
  const shared = config.redisUrl
    ? `rate limits and invalidations shared through Redis at ${describeUrl(config.redisUrl)}`
    : config.databaseUrl
      ? 'rate limits per server and no shared invalidations, so keys, roles and sessions are cached for at most 1 s (set REDIS_URL to share both between servers)'
      : 'rate limits and invalidations in this process (set REDIS_URL to share them between servers)';
  return `storage: ${database}; ${shared}`;
}

/** Why a Redis connection last failed, if it did. */
export const lastRedisError = (redis: Redis): string | undefined => lastRedisErrors.get(redis);
const lastRedisErrors = new WeakMap<Redis, string>();

/**
 * A connection URL fit for a log: the password, and the query string (which may hold one too), removed.
 */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'an unparseable URL';
  }
}

/**
 * The stores a test app runs on. By default a private in-memory SQLite database and no Redis. Under
 * `npm run test:scale`, SOCIFYR_TEST_DATABASE_URL (an administrator's URL of a PostgreSQL server) and
 * SOCIFYR_TEST_REDIS_URL are set: each app then gets a database of its own, copied from a migrated
 * template, and its own prefix in Redis, so test files can run in parallel on one server of each.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { openSqlite } from '../db/database.js';
import { MIGRATIONS_SOURCE } from '../db/migrations.js';
import { openPostgres } from '../db/postgres.js';
import type { Db } from '../db/tables.js';
import { openRedis } from '../stores.js';

const DATABASE_URL = process.env.SOCIFYR_TEST_DATABASE_URL?.trim() || undefined;
const REDIS_URL = process.env.SOCIFYR_TEST_REDIS_URL?.trim() || undefined;

/** True when the suite runs on PostgreSQL (`npm run test:scale`). */
export const ON_POSTGRES = DATABASE_URL !== undefined;
/** True when the suite runs with Redis (`npm run test:scale`). */
export const ON_REDIS = REDIS_URL !== undefined;

export interface TestDatabase {
  db: Db;
  /** Closes the connections and, on PostgreSQL, drops the database. */
  close(): Promise<void>;
}

/** A fresh, migrated, empty database for one test app. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (DATABASE_URL === undefined) {
    const db = await openSqlite({ dataDir: ':memory:' });
    return { db, close: () => db.destroy() };
  }
  const template = await ensureTemplate(DATABASE_URL);
  const name = `socifyr_test_${randomBytes(6).toString('hex')}`;
  await admin(DATABASE_URL).query(`create database ${name} template ${template}`);
  const db = await openPostgres({ url: withDatabase(DATABASE_URL, name), poolSize: 4 });
  return {
    db,
    async close() {
      await db.destroy();
      await admin(DATABASE_URL).query(`drop database if exists ${name} with (force)`);
    },
  };
}

export interface TestRedis {
  redis: Redis;
  /** Keys and channels of this app only. */
  prefix: string;
  close(): Promise<void>;
}

/**
 * A connected Redis with a prefix of its own, or undefined when the suite runs without Redis. It waits
 * until Redis answers: before that, a server counts limits in memory, which a test would see.
 */
export async function openTestRedis(): Promise<TestRedis | undefined> {
  if (REDIS_URL === undefined) return undefined;
  const redis = openRedis(REDIS_URL);
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  return {
    redis,
    prefix: `socifyr_test_${randomBytes(6).toString('hex')}:`,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

let adminPool: pg.Pool | undefined;
/** One small pool per test process for CREATE/DROP DATABASE; it lets the process exit when idle. */
function admin(url: string): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  return adminPool;
}

let template: Promise<string> | undefined;

/**
 * The template database, migrated once per set of migrations. Test processes start together, so the
 * first builds it under an advisory lock and renames it into place; the others wait and reuse it.
 */
function ensureTemplate(url: string): Promise<string> {
  // The migrations' code, not only their names: a migration edited before it ships needs a new template.
  const version = createHash('sha256').update(MIGRATIONS_SOURCE).digest('hex').slice(0, 12);
  const name = `socifyr_template_${version}`;
  template ??= (async () => {
    const client = await admin(url).connect();
    await client.query('select pg_advisory_lock(7531)');
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_building`;
        await client.query(`drop database if exists ${building} with (force)`);
        await client.query(`create database ${building}`);
        const db = await openPostgres({ url: withDatabase(url, building), poolSize: 2 });
        await db.destroy();
        await client.query(`alter database ${building} rename to ${name}`);
      }
    } finally {
      await client.query('select pg_advisory_unlock(7531)');
      client.release();
    }
    return name;
  })();
  return template;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

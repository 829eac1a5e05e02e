/**
 * PostgreSQL for scale-out (DATABASE_URL): a `pg` pool behind the same Kysely queries and migrations
 * as the embedded SQLite database.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { Db, Tables } from './tables.js';

export interface OpenPostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections per server process. Default 10. */
  poolSize?: number;
}

/**
 * Any fixed number both processes agree on: every server takes this advisory lock around its migrations,
 * so servers starting together migrate one after the other (the second finds nothing left to do).
 */
const MIGRATION_LOCK_ID = 0x50c1f7;

/** Opens a pool on DATABASE_URL and brings the schema up to date (safe when many servers start at once). */
export async function openPostgres({ url, poolSize = 10 }: OpenPostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'socifyr-server',
    // An unreachable host fails a request (and the start) after 5 s instead of the system's TCP timeout.
    connectionTimeoutMillis: 5000,
  });
  // An idle connection the database drops (restart, failover) is replaced by the pool; without a listener
  // its error would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateExclusively(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

async function migrateExclusively(db: Db): Promise<void> {
  // The lock belongs to one connection; the migrator runs on others of the pool meanwhile.
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(connection);
    try {
      await migrateToLatest(db);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(connection);
    }
  });
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.js';
import type { Db, Tables } from './tables.js';

export interface OpenSqliteOptions {
  /** Folder for `socifyr.db`; `:memory:` opens a private in-memory database (tests). */
  dataDir: string;
}

/** File name of the embedded database inside the data folder. */
export const SQLITE_FILE_NAME = 'socifyr.db';

/**
 * Opens the embedded SQLite database (WAL, foreign keys on, busy timeout for a second process)
 * and runs the migrations.
 */
export async function openSqlite({ dataDir }: OpenSqliteOptions): Promise<Db> {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = join(dataDir, SQLITE_FILE_NAME);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db);
  return db;
}

/** Statements kept prepared at most; past that the oldest is dropped (queries with long IN lists vary). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with each SQL text prepared once: preparing costs several times what a
 * point lookup does. Safe because better-sqlite3 runs a statement to completion synchronously; only a
 * streaming read (`iterate`) holds its statement open, so it gets one of its own.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = prepared.get(text);
      if (statement === undefined) {
        statement = sqlite.prepare(text);
        if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value as string);
        prepared.set(text, statement);
      }
      const cached = statement;
      return {
        reader: cached.reader,
        all: (parameters: ReadonlyArray<unknown>) => cached.all(parameters),
        run: (parameters: ReadonlyArray<unknown>) => cached.run(parameters),
        iterate: (parameters: ReadonlyArray<unknown>) => sqlite.prepare(text).iterate(parameters),
      };
    },
  };
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return (
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === '23505'
  );
}

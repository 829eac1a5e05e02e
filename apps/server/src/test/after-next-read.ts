import SQLite from 'better-sqlite3';
import {
  Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SqliteDialect,
  TableNode,
  type UnknownRow,
} from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { migrateToLatest } from '../db/migrations.js';
import type { Db, Tables } from '../db/tables.js';

/**
 * A Kysely plugin for race tests: runs an armed step once, right after the next read from `table` returns
 * and before the code that read it goes on, so "another request's write in between" is deterministic.
 */
export class AfterNextRead implements KyselyPlugin {
  constructor(private readonly table: keyof Tables) {}

  private readonly reads = new WeakSet<object>();
  private step: (() => Promise<unknown>) | undefined;

  arm(step: () => Promise<unknown>): void {
    this.step = step;
  }

  disarm(): void {
    this.step = undefined;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const froms = node.kind === 'SelectQueryNode' ? (node.from?.froms ?? []) : [];
    const readsTable = froms.some((from) => TableNode.is(from) && from.table.identifier.name === this.table);
    if (readsTable) this.reads.add(queryId);
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const step = this.step;
    if (step && this.reads.has(queryId)) {
      this.step = undefined;
      await step();
    }
    return result;
  }
}

export interface RaceDatabase {
  /** Arms "the other request's" step after the next read of the table. */
  between: AfterNextRead;
  /** The app's database (with the plugin); pass it to the harness. */
  db(): Db;
  /** The other request's connection: the same database, not behind the app's connection lock. */
  other(): Db;
}

/**
 * A fresh in-memory database per test for a race test on `table`. Call it before the harness hook, so the
 * database exists before the app is built and outlives its close.
 */
export function useRaceDatabase(table: keyof Tables): RaceDatabase {
  const between = new AfterNextRead(table);
  let db: Db | undefined;
  let other: Db | undefined;
  beforeEach(async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [between] });
    await migrateToLatest(db);
    other = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  });
  afterEach(async () => {
    between.disarm();
    await db?.destroy();
  });
  return { between, db: () => db!, other: () => other! };
}

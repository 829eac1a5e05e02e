import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kysely, SqliteDialect } from 'kysely';
import { requireFromServer } from './paths.mjs';
import { countsBetween, QueryCounter } from './query-counter.mjs';

const SQLite = requireFromServer('better-sqlite3');

test('counts real queries by kind and table, and the rows UPDATEs changed', async () => {
  const counter = new QueryCounter();
  const db = new Kysely({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await db.schema.createTable('t').addColumn('id', 'integer').addColumn('v', 'text').execute();
  const counted = db.withPlugin(counter);
  const before = counter.snapshot();
  await counted
    .insertInto('t')
    .values([{ id: 1 }, { id: 2 }, { id: 3 }])
    .execute();
  await counted.selectFrom('t').selectAll().where('id', '=', 1).execute();
  await counted.updateTable('t').set({ v: 'x' }).where('id', '<', 3).execute();
  const diff = countsBetween(before, counter.snapshot());
  assert.deepEqual(diff.byQuery, { 'insert t': 1, 'select t': 1, 'update t': 1 });
  assert.deepEqual(diff.updatedRows, { 'update t': 2 });
  assert.equal(diff.total, 3);
  await db.destroy();
});

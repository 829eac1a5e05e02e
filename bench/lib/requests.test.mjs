import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rotation } from './requests.mjs';

test('rotation gives every key to exactly one connection, with its extra headers', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const perConnection = rotation('/p', keys, (i) => ({ 'x-i': String(i) }));
  const all = [0, 1].flatMap((c) => perConnection(c, 2));
  assert.deepEqual(all.map((r) => r.headers.authorization).sort(), keys.map((k) => `Bearer ${k}`).sort());
  assert.deepEqual(
    perConnection(1, 2).map((r) => [r.path, r.headers['x-i']]),
    [
      ['/p', '1'],
      ['/p', '3'],
    ],
  );
});

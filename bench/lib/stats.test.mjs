import assert from 'node:assert/strict';
import { test } from 'node:test';
import { int, median, ratio, serverCost } from './stats.mjs';

test('median of odd and even counts, unsorted input', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /empty/);
});

test('ratios and grouped integers as the report prints them', () => {
  assert.equal(ratio(85, 100), '0.85×');
  assert.equal(int(1234567.4), '1 234 567');
  assert.equal(int(999), '999');
});

test('server cost: CPU per request and busy share from observed runs', () => {
  const runs = [
    { completed: 1000, seconds: 1, observed: { cpuMicros: 50_000 } },
    { completed: 2000, seconds: 2, observed: { cpuMicros: 120_000 } },
  ];
  assert.deepEqual(serverCost(runs), { cpuPerRequestUs: 55, busy: 0.055 });
});

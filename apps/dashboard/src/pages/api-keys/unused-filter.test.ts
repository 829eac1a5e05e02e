import { describe, expect, it } from 'vitest';
import { isUnused } from './unused-filter';

const NOW = Date.parse('2026-03-31T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * 24 * 60 * 60 * 1000).toISOString();

describe('isUnused (30 days)', () => {
  it.each([
    ['used yesterday', daysAgo(400), daysAgo(1), false],
    ['used exactly 30 days ago', daysAgo(400), daysAgo(30), true],
    ['used 29 days ago', daysAgo(400), daysAgo(29), false],
    ['used 45 days ago', daysAgo(400), daysAgo(45), true],
    ['never used, created 30 days ago', daysAgo(30), null, true],
    ['never used, created 3 days ago', daysAgo(3), null, false],
  ])('%s → %s', (_, createdAt, lastUsedAt, expected) => {
    expect(isUnused({ createdAt, lastUsedAt }, NOW)).toBe(expected);
  });

  it('takes another number of days', () => {
    expect(isUnused({ createdAt: daysAgo(8), lastUsedAt: null }, NOW, 7)).toBe(true);
  });
});

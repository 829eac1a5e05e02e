import { describe, expect, it } from 'vitest';
import { formatExact, formatRelative } from './format-time';

const NOW = Date.parse('2026-03-12T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('formatRelative', () => {
  it.each([
    [ago(10_000), 'just now'],
    [ago(5 * 60_000), '5 minutes ago'],
    [ago(3 * 3600_000), '3 hours ago'],
    [ago(24 * 3600_000), 'yesterday'],
    [ago(10 * 24 * 3600_000), 'last week'],
    [ago(45 * 24 * 3600_000), '2 months ago'],
    [new Date(NOW + 2 * 24 * 3600_000).toISOString(), 'in 2 days'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, NOW, 'en')).toBe(expected);
  });

  it('leaves text that is no time as it is', () => {
    expect(formatRelative('soon', NOW, 'en')).toBe('soon');
  });
});

describe('formatExact', () => {
  it('gives the full date and time', () => {
    expect(formatExact('2026-03-12T12:00:00.000Z', 'en')).toMatch(/2026/);
  });
});

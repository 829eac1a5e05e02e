import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfterMs,
  retryDelayMs,
} from './retry.js';

describe('isRetryableStatus', () => {
  it.each([429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });
  it.each([200, 201, 400, 401, 403, 404, 409, 413, 422])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 8000],
    [20, 8000],
  ])('retry %i waits %i ms plus up to 25 %% jitter', (retry, base) => {
    expect(backoffDelayMs(retry, () => 0)).toBe(base);
    expect(backoffDelayMs(retry, () => 0.5)).toBe(Math.round(base * 1.125));
    const highest = backoffDelayMs(retry, () => 0.999_999);
    expect(highest).toBeGreaterThan(base);
    expect(highest).toBeLessThanOrEqual(base * 1.25);
  });

  it('stays within its bounds with Math.random', () => {
    for (let i = 0; i < 1000; i++) {
      const delay = backoffDelayMs(1);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(1250);
    }
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-31T12:00:00.000Z');

  it.each([
    ['1', 1000],
    ['0', 0],
    [' 7 ', 7000],
    ['1.5', 1500],
    ['Sat, 31 Jan 2026 12:00:05 GMT', 5000],
    ['Sat, 31 Jan 2026 11:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfterMs(header, now)).toBe(ms);
  });

  it.each([null, '', 'soon', '-1', '12abc'])('ignores %j', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('uses Retry-After when given, the backoff otherwise', () => {
    expect(retryDelayMs(0, 3000, () => 0.9)).toBe(3000);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(1000);
  });

  it('gives up on a Retry-After longer than it is willing to wait', () => {
    expect(retryDelayMs(0, MAX_RETRY_AFTER_MS, () => 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(0, MAX_RETRY_AFTER_MS + 1, () => 0)).toBeUndefined();
  });
});

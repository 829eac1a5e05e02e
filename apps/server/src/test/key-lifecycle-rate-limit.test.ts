/**
 * Per-key rate limits (defaults: 10 per second, 60 per minute), driven by a fake clock so time moves
 * without sleeping: headers on every key-authenticated answer, 429 with Retry-After when over,
 * other keys unaffected, and requests pass again once the window has moved on.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKey, expectError, FakeClock, keyHeaders, signUp, useHarness } from './harness.js';

let clock: FakeClock;
const h = useHarness(() => {
  clock = new FakeClock();
  return { clock };
});
let a: string;
let b: string;
beforeEach(async () => {
  const ada = await signUp(h.app, 'Ada');
  a = (await createKey(h.app, ada, ada.workspaceId, 'A')).plaintext;
  b = (await createKey(h.app, ada, ada.workspaceId, 'B')).plaintext;
});

const call = (plaintext: string) => h.app.inject({ url: '/api/workspaces', headers: keyHeaders(plaintext) });

function limitHeaders(response: LightMyRequestResponse) {
  const header = (name: string) => {
    const value = response.headers[name];
    expect(value, `${name} header`).toMatch(/^\d+$/);
    return Number(value);
  };
  return {
    limit: header('ratelimit-limit'),
    remaining: header('ratelimit-remaining'),
    reset: header('ratelimit-reset'),
  };
}

function expectLimited(response: LightMyRequestResponse): number {
  const error = expectError(response, 429);
  expect(error.error).toMatch(/rate limit/i);
  const retryAfter = response.headers['retry-after'];
  expect(retryAfter, 'Retry-After header').toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  return Number(retryAfter);
}

describe('per-key rate limits', () => {
  it('lets 10 requests in one second through, with RateLimit headers counting down', async () => {
    for (let i = 1; i <= 10; i++) {
      const response = await call(a);
      expect(response.statusCode, response.body).toBe(200);
      const headers = limitHeaders(response);
      expect(headers.limit).toBe(10);
      expect(headers.remaining).toBe(10 - i);
      expect(headers.reset).toBeGreaterThanOrEqual(0);
      expect(headers.reset).toBeLessThanOrEqual(1);
    }
  });

  it('answers the 11th in the same second with 429 and Retry-After; another key is unaffected', async () => {
    for (let i = 0; i < 10; i++) expect((await call(a)).statusCode).toBe(200);
    const refused = await call(a);
    const retryAfter = expectLimited(refused);
    expect(retryAfter).toBe(1);
    expect(expectError(refused, 429).error).toContain('10 requests per second');

    expect((await call(b)).statusCode).toBe(200);
    expect(limitHeaders(await call(b)).remaining).toBe(8);

    // Still refused just before the window moves on; let through once it has.
    clock.advance(retryAfter * 1000 - 1);
    expectLimited(await call(a));
    clock.advance(1);
    expect((await call(a)).statusCode).toBe(200);
  });

  it('answers the 61st request in one minute with 429 until the minute has moved on', async () => {
    for (let second = 0; second < 6; second++) {
      for (let i = 0; i < 10; i++) {
        const response = await call(a);
        expect(response.statusCode, `second ${second}, request ${i + 1}`).toBe(200);
      }
      clock.advance(1000);
    }
    const refused = await call(a);
    const retryAfter = expectLimited(refused);
    expect(expectError(refused, 429).error).toContain('60 requests per minute');
    expect(retryAfter).toBeGreaterThan(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await call(b)).statusCode).toBe(200);

    clock.advance(retryAfter * 1000);
    const again = await call(a);
    expect(again.statusCode, again.body).toBe(200);
  });

  it('does not count refused requests against the key', async () => {
    for (let i = 0; i < 10; i++) await call(a);
    for (let i = 0; i < 5; i++) expect((await call(a)).statusCode).toBe(429);
    clock.advance(1000);
    // Only the 10 accepted requests count towards the minute: 50 more fit in it.
    for (let second = 0; second < 5; second++) {
      for (let i = 0; i < 10; i++) expect((await call(a)).statusCode).toBe(200);
      clock.advance(1000);
    }
    expect((await call(a)).statusCode).toBe(429);
  });
});

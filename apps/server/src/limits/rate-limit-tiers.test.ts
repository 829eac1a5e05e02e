import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, createKey, type Harness, keyHeaders, signUp } from '../test/harness.js';
import { rateLimitPolicy } from './rate-limiter.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ policy: rateLimitPolicy(10, 60, { pro: { perSecond: 20, perMinute: 2 } }) });
});
afterEach(async () => {
  await h.close();
});

describe('per-tier rate limits', () => {
  it('applies the limits of the workspace tier to its keys, and the defaults to other tiers', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    await h.db.updateTable('workspaces').set({ tier: 'pro' }).where('id', '=', ada.workspaceId).execute();
    const pro = await createKey(h.app, ada);
    const free = await createKey(h.app, bob);

    const call = (plaintext: string) =>
      h.app.inject({ method: 'GET', url: '/api/content', headers: keyHeaders(plaintext) });
    const first = await call(pro.plaintext);
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect((await call(pro.plaintext)).statusCode).toBe(200);
    const third = await call(pro.plaintext);
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatch(/2 requests per minute/);

    const other = await call(free.plaintext);
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-limit']).toBe('10');
  });
});

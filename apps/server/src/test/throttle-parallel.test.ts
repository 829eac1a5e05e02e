/**
 * The throttles hold when attempts arrive all at once: each attempt that would cost work (a store read,
 * an argon2 check) is counted before the work, so a burst cannot slip past the limit.
 */
import { generateKey } from '@socifyr/keys';
import { describe, expect, it } from 'vitest';
import {
  FAILED_AUTH_PER_IP_PER_MINUTE,
  FAILED_SIGN_IN_PER_15_MINUTES,
  rateLimitPolicy,
} from '../limits/rate-limiter.js';
import { createHarness, createKey, keyHeaders, signUp, useHarness } from './harness.js';

const h = useHarness();

function statusCounts(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('throttles under parallel attempts', () => {
  it('lets exactly the limit of parallel unknown keys reach the store, and answers the rest 429', async () => {
    let storeReads = 0;
    const load = h.app.socifyr.services.keys as unknown as { loadKey: (digest: string) => Promise<unknown> };
    const original = load.loadKey.bind(load);
    load.loadKey = (digest) => {
      storeReads++;
      return original(digest);
    };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        h.app.inject({ url: '/api/auth/me', headers: keyHeaders(generateKey()), remoteAddress: '10.50.0.1' }),
      ),
    );
    expect(statusCounts(responses.map((r) => r.statusCode))).toEqual({
      401: FAILED_AUTH_PER_IP_PER_MINUTE,
      429: 100 - FAILED_AUTH_PER_IP_PER_MINUTE,
    });
    expect(storeReads).toBe(FAILED_AUTH_PER_IP_PER_MINUTE);
  });

  it('checks at most the limit of parallel wrong passwords for one email', async () => {
    const ada = await signUp(h.app, 'Ada');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: ada.email, password: 'not the password' },
          remoteAddress: '10.50.0.2',
        }),
      ),
    );
    expect(statusCounts(responses.map((r) => r.statusCode))).toEqual({
      401: FAILED_SIGN_IN_PER_15_MINUTES,
      429: 50 - FAILED_SIGN_IN_PER_15_MINUTES,
    });
  });

  it('limits sign-in failures per address across different emails', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_AUTH_PER_IP_PER_MINUTE + 5; i++) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `nobody${i}@example.com`, password: 'whatever password' },
        remoteAddress: '10.50.0.3',
      });
      statuses.push(response.statusCode);
    }
    expect(statusCounts(statuses)).toEqual({ 401: FAILED_AUTH_PER_IP_PER_MINUTE, 429: 5 });
  });

  it('counts made-up session cookies as failed authentications', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_AUTH_PER_IP_PER_MINUTE + 5; i++) {
      const response = await h.app.inject({
        url: '/api/auth/me',
        headers: { cookie: `socifyr_session=made-up-${i}` },
        remoteAddress: '10.50.0.4',
      });
      statuses.push(response.statusCode);
    }
    expect(statusCounts(statuses)).toEqual({ 401: FAILED_AUTH_PER_IP_PER_MINUTE, 429: 5 });
  });

  it('refunds successful attempts: valid sign-ins and new keys never add up to a block', async () => {
    const ada = await signUp(h.app, 'Ada');
    for (let i = 0; i < FAILED_AUTH_PER_IP_PER_MINUTE + 5; i++) {
      const login = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: ada.email, password: 'correct horse battery' },
        remoteAddress: '10.50.0.5',
      });
      expect(login.statusCode).toBe(200);
    }
    for (let i = 0; i < FAILED_AUTH_PER_IP_PER_MINUTE + 5; i++) {
      const { plaintext } = await createKey(h.app, ada);
      const response = await h.app.inject({
        url: '/api/auth/me',
        headers: keyHeaders(plaintext),
        remoteAddress: '10.50.0.5',
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('puts rate-limit headers on the 403 for a key naming another workspace, and counts it', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { plaintext } = await createKey(h.app, ada);
    const response = await h.app.inject({
      url: '/api/content',
      headers: keyHeaders(plaintext, bob.workspaceId),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['ratelimit-limit']).toBe('10');
    expect(response.headers['ratelimit-remaining']).toBe('9');
  });

  it('never holds back a session it knows to be live, as it does not a known valid key', async () => {
    const ada = await signUp(h.app, 'Ada');
    const address = '10.50.0.6';
    expect(
      (await h.app.inject({ url: '/api/auth/me', headers: { cookie: ada.cookie }, remoteAddress: address }))
        .statusCode,
    ).toBe(200);
    for (let i = 0; i < FAILED_AUTH_PER_IP_PER_MINUTE; i++) {
      await h.app.inject({ url: '/api/auth/me', headers: keyHeaders(generateKey()), remoteAddress: address });
    }
    const stranger = await h.app.inject({
      url: '/api/auth/me',
      headers: { cookie: 'socifyr_session=made-up' },
      remoteAddress: address,
    });
    expect(stranger.statusCode).toBe(429);
    const known = await h.app.inject({
      url: '/api/auth/me',
      headers: { cookie: ada.cookie },
      remoteAddress: address,
    });
    expect(known.statusCode).toBe(200);
  });

  it('reads a new key once for a burst of parallel requests, and holds none of them back', async () => {
    const burst = await createHarness({ policy: rateLimitPolicy(1000, 100_000) });
    try {
      const ada = await signUp(burst.app, 'Ada');
      const { plaintext } = await createKey(burst.app, ada);
      let storeReads = 0;
      const keys = burst.app.socifyr.services.keys as unknown as {
        loadKey: (digest: string) => Promise<unknown>;
      };
      const original = keys.loadKey.bind(keys);
      keys.loadKey = (digest) => {
        storeReads++;
        return original(digest);
      };
      const responses = await Promise.all(
        Array.from({ length: FAILED_AUTH_PER_IP_PER_MINUTE + 10 }, () =>
          burst.app.inject({
            url: '/api/auth/me',
            headers: keyHeaders(plaintext),
            remoteAddress: '10.50.0.7',
          }),
        ),
      );
      expect(statusCounts(responses.map((r) => r.statusCode))).toEqual({
        200: FAILED_AUTH_PER_IP_PER_MINUTE + 10,
      });
      expect(storeReads).toBe(1);
    } finally {
      await burst.close();
    }
  });

  it('answers sign-ups for a taken email without hashing, and counts them as failures of the address', async () => {
    const ada = await signUp(h.app, 'Ada');
    let hashes = 0;
    const passwords = h.app.socifyr.services.accounts as unknown as {
      options: { passwords: { hash: (p: string) => Promise<string> } };
    };
    const original = passwords.options.passwords.hash;
    passwords.options.passwords.hash = (password) => {
      hashes++;
      return original(password);
    };
    const responses = await Promise.all(
      Array.from({ length: FAILED_AUTH_PER_IP_PER_MINUTE + 5 }, () =>
        h.app.inject({
          method: 'POST',
          url: '/api/auth/signup',
          payload: { email: ada.email, password: 'correct horse battery', name: 'Mallory' },
          remoteAddress: '10.50.0.8',
        }),
      ),
    );
    passwords.options.passwords.hash = original;
    expect(statusCounts(responses.map((r) => r.statusCode))).toEqual({
      409: FAILED_AUTH_PER_IP_PER_MINUTE,
      429: 5,
    });
    expect(hashes).toBe(0);
  });
});

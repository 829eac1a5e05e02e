/**
 * Security rules that are about the caller rather than one route: the failed-authentication throttle
 * per client address, which credential wins when both are sent, and the scheme's case.
 */
import { generateKey } from '@socifyr/keys';
import { describe, expect, it } from 'vitest';
import { FAILED_AUTH_PER_IP_PER_MINUTE } from '../limits/rate-limiter.js';
import { createKey, signUp, useHarness } from './harness.js';
import { asPerson, bearer, call, expectOk, expectRefusal } from './security-fixture.js';

// The default policy: the throttle under test is the one a real server runs with.
const h = useHarness();

describe('failed-authentication throttle per client address', () => {
  const address = '10.200.0.1';
  const url = '/api/auth/me';

  it(`answers 429 with Retry-After after ${FAILED_AUTH_PER_IP_PER_MINUTE} failures, but never holds back a known valid key`, async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext } = await createKey(h.app, ada);
    // Used once, so the server knows it is valid before the address gets throttled.
    expectOk(await call(h.app, { url, headers: bearer(plaintext), remoteAddress: address }), 200);

    for (let attempt = 1; attempt <= FAILED_AUTH_PER_IP_PER_MINUTE; attempt++) {
      const response = await call(h.app, { url, headers: bearer(generateKey()), remoteAddress: address });
      expect(response.statusCode, `failure ${attempt}`).toBe(401);
    }

    const blockedKey = generateKey();
    const blocked = await call(h.app, { url, headers: bearer(blockedKey), remoteAddress: address });
    expectRefusal(blocked, url, 429, /try again/i);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.body).not.toContain(blockedKey);

    // Malformed keys are failures too: they are held back the same way.
    const malformed = await call(h.app, { url, headers: bearer('sk_nope'), remoteAddress: address });
    expectRefusal(malformed, url, 429);

    const valid = await call(h.app, { url, headers: bearer(plaintext), remoteAddress: address });
    expect(expectOk(valid, 200).user.id).toBe(ada.userId);

    // Another address is not affected.
    const elsewhere = await call(h.app, { url, headers: bearer(generateKey()), remoteAddress: '10.200.0.2' });
    expectRefusal(elsewhere, url, 401, 'Invalid API key');
  });
});

describe('credentials', () => {
  it('a request with both a session and an API key acts with the key', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const bobsKey = (await createKey(h.app, bob)).plaintext;
    const url = `/api/workspaces/${ada.workspaceId}`;
    // Ada's session alone may read her workspace; with Bob's key the request is Bob's, in Bob's workspace.
    expectOk(await call(h.app, { url, headers: asPerson(ada, ada.workspaceId) }), 200);
    const both = await call(h.app, {
      url,
      headers: { ...asPerson(ada, ada.workspaceId), ...bearer(bobsKey) },
    });
    expectRefusal(both, url, 403);
    const me = await call(h.app, {
      url: '/api/auth/me',
      headers: { cookie: ada.cookie, ...bearer(bobsKey) },
    });
    expect(expectOk(me, 200).user.id).toBe(bob.userId);
  });

  it('a signed-out session cookie no longer authenticates → 401', async () => {
    const ada = await signUp(h.app, 'Ada');
    expectOk(
      await call(h.app, { method: 'POST', url: '/api/auth/logout', headers: asPerson(ada, ada.workspaceId) }),
      200,
    );
    const response = await call(h.app, { url: '/api/auth/me', headers: { cookie: ada.cookie } });
    expectRefusal(response, '/api/auth/me', 401, /sign in/i);
  });

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('accepts the scheme written "%s"', async (scheme) => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext } = await createKey(h.app, ada);
    const response = await call(h.app, { url: '/api/auth/me', headers: bearer(plaintext, scheme) });
    expect(expectOk(response, 200).user.id).toBe(ada.userId);
  });

  it('a session write with a same-origin Origin instead of X-Requested-With passes the CSRF guard', async () => {
    const ada = await signUp(h.app, 'Ada');
    const response = await call(h.app, {
      method: 'POST',
      url: '/api/workspaces',
      headers: { cookie: ada.cookie, host: 'socifyr.example.com', origin: 'https://socifyr.example.com' },
      payload: { name: 'Marketing' },
    });
    expect(expectOk(response, 201).name).toBe('Marketing');
  });

  it('a key of another workspace cannot be pointed at this one with X-Workspace-Id, even on routes without a workspace in the path', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const bobsKey = (await createKey(h.app, bob)).plaintext;
    for (const url of ['/api/content', '/api/connections', '/api/workspaces', '/api/auth/me']) {
      const response = await call(h.app, {
        url,
        headers: { ...bearer(bobsKey), 'x-workspace-id': ada.workspaceId },
      });
      expectRefusal(response, url, 403, new RegExp(ada.workspaceId));
    }
  });
});

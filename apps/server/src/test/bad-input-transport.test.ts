/**
 * Bad input at the transport level: unknown routes, oversized, empty and non-JSON bodies, bodies that
 * are not objects, malformed headers and paths — each a 4xx in the envelope, never a 500.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, useBadInputHarness } from './bad-input.helpers.js';
import { createKey, expectError, keyHeaders, type Person, sessionHeaders, signUp } from './harness.js';

const h = useBadInputHarness();
let ada: Person;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
});

describe('bad input: transport', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api/workspaces/ws_x/nope'],
    ['DELETE', '/api/auth/signup'],
  ] as const)('answers %s %s with 404 in the envelope', async (method, url) => {
    const response = await h.app.inject({
      method,
      url,
      headers: sessionHeaders(ada),
      payload: method === 'POST' ? { a: 1 } : undefined,
    });
    const error = expectError(response, 404);
    expect(error.error).toBe(`Route ${method} ${url} not found`);
    expect(error.path).toBe(url);
    expect(response.headers['x-request-id']).toMatch(/\S/);
  });

  it('answers 404 to an unknown route even without credentials, and does not echo the query string', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(expectError(response, 404)).toMatchObject({
      error: 'Route GET /api/nope not found',
      path: '/api/nope',
    });
  });

  it.each([
    ['POST /api/auth/signup', '/api/auth/signup', 'POST', () => ({}), ['users']],
    ['POST /api/workspaces/:id/api-keys', '', 'POST', () => sessionHeaders(ada), ['api_keys']],
    ['PATCH /api/workspaces/:id', '', 'PATCH', () => sessionHeaders(ada), ['workspaces']],
    ['POST /api/content/text', '/api/content/text', 'POST', () => sessionHeaders(ada), ['posts']],
  ] as const)(
    'answers a body over 1 MiB on %s with 413',
    async (_title, fixedUrl, method, headers, tables) => {
      const url =
        fixedUrl ||
        (method === 'PATCH'
          ? `/api/workspaces/${ada.workspaceId}`
          : `/api/workspaces/${ada.workspaceId}/api-keys`);
      const body = JSON.stringify({ label: 'x'.repeat(1024 * 1024), name: 'x', text: 'x' });
      const response = await expectRefused(
        h,
        { method, url, headers: headers(), tables: [...tables] },
        {
          name: 'over 1 MiB',
          raw: { body, contentType: 'application/json' },
          status: 413,
        },
      );
      expect(response.json().error).toBe('Request body is larger than 1 MiB');
    },
  );

  it('accepts a body just under 1 MiB as far as the size goes (the schema then refuses it with 400)', async () => {
    const body = JSON.stringify({ label: 'x'.repeat(1024 * 1024 - 100) });
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: { ...sessionHeaders(ada), 'content-type': 'application/json' },
      payload: body,
    });
    expect(expectError(response, 400).error).toEqual(['label must be at most 100 characters']);
  });

  it.each([
    ['text/plain', 'Request body must be JSON: send it with Content-Type: application/json'],
    [
      'application/x-www-form-urlencoded',
      'Request body must be JSON: send it with Content-Type: application/json',
    ],
  ])('refuses a %s body with 400 and says to send JSON', async (contentType, message) => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: { ...sessionHeaders(ada), 'content-type': contentType },
      payload: 'label=CI',
    });
    expect(expectError(response, 400).error).toBe(message);
  });

  it('refuses malformed JSON with 400 "Request body is not valid JSON"', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@example.com", ',
    });
    expect(expectError(response, 400).error).toBe('Request body is not valid JSON');
  });

  it.each(['null', '[]', '"text"', '42', 'true'])(
    'refuses the JSON body %s: the body must be an object',
    async (body) => {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/api-keys`,
        headers: { ...sessionHeaders(ada), 'content-type': 'application/json' },
        payload: body,
      });
      expect(expectError(response, 400).error).toEqual(['request body must be a JSON object']);
    },
  );

  it.each([['not-a-workspace'], ['ws_short'], [`ws_${'0'.repeat(100_000)}`]])(
    'refuses a malformed X-Workspace-Id (%#) with 400',
    async (value) => {
      const { plaintext } = await createKey(h.app, ada);
      const response = await h.app.inject({
        url: '/api/workspaces',
        headers: { ...keyHeaders(plaintext), 'x-workspace-id': value },
      });
      expect(expectError(response, 400).error).toMatch(/^X-Workspace-Id must be a workspace id/);
    },
  );

  it.each([
    ['a workspace id that does not exist', '/api/workspaces/ws_00000000000000000000000000aa'],
    ['garbage', '/api/workspaces/%00%ff'],
    ['a very long id', `/api/workspaces/ws_${'a'.repeat(1000)}`],
  ])('answers a path with %s without a 500', async (_title, url) => {
    const response = await h.app.inject({ url, headers: sessionHeaders(ada) });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expectError(response, response.statusCode);
    expect(response.headers['x-request-id']).toMatch(/\S/);
  });
});

import { describe, expect, it } from 'vitest';
import { createHarness, expectError, type Harness, useFileHarness } from '../test/harness.js';

const h = useFileHarness();

describe('transport', () => {
  it('answers health without credentials, in the envelope, with a request id', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ success: true, data: { status: 'ok' } });
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
    expect(response.headers['ratelimit-limit']).toBeUndefined();
  });

  it('points requests outside /api to the API', async () => {
    const body = expectError(await h.app.inject({ method: 'GET', url: '/' }), 404);
    expect(body.error).toBe(
      'Route GET / not found: the API lives under /api (every route is listed at /api/openapi.json)',
    );
  });

  it('answers an unknown route with 404 in the envelope', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/nope?x=1' });
    const body = expectError(response, 404);
    expect(body.error).toBe('Route GET /api/nope not found');
    expect(body.path).toBe('/api/nope');
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(response.headers['x-request-id']).toBeDefined();
  });

  it('hides internal errors behind "Internal server error" and logs them with the request id', async () => {
    const boom = await createHarness({
      beforeReady: (app) =>
        app.get('/api/boom', { config: { auth: 'none' } }, async () => {
          throw new Error('SQLITE_CORRUPT: internals at /srv/db.ts:42');
        }),
    });
    try {
      const response = await boom.app.inject({ method: 'GET', url: '/api/boom' });
      expect(expectError(response, 500).error).toBe('Internal server error');
      expect(response.body).not.toContain('SQLITE');
      const requestId = response.headers['x-request-id'] as string;
      const logged = boom.logs.map((line) => JSON.parse(line)).find((l) => l.msg === 'unexpected error');
      expect(logged).toMatchObject({ reqId: requestId, level: 50 });
      expect(logged.err.message).toContain('SQLITE_CORRUPT');
    } finally {
      await boom.close();
    }
  });
});

describe('logging', () => {
  it('logs why a request was refused, with the request id and without the key', async () => {
    const key = `sk_${'0'.repeat(64)}`;
    await h.app.inject({
      url: `/api/nope/${key}`,
      headers: { authorization: `Bearer ${key}` },
    });
    const refused = await h.app.inject({ url: '/api/content', headers: { authorization: 'Bearer sk_nope' } });
    const line = h.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'request refused' && l.reqId === refused.headers['x-request-id']);
    expect(line).toMatchObject({ code: 'unauthenticated', reason: 'Malformed API key', level: 30 });
    expect(h.logs.join('\n')).not.toContain(key);
  });
});

describe('OpenAPI', () => {
  it('documents every route with its schemas', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(
      doc.paths['/api/workspaces/{id}/api-keys'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({
      properties: { label: { type: 'string', minLength: 1, maxLength: 100 } },
      additionalProperties: false,
    });
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    const listContent = doc.paths['/api/content'].get.parameters;
    expect(listContent.find((p: { name: string }) => p.name === 'page')).toMatchObject({
      in: 'query',
      required: false,
    });
    expect(listContent.find((p: { name: string }) => p.name === 'X-Workspace-Id')).toMatchObject({
      in: 'header',
    });
    expect(
      doc.paths['/api/workspaces/{id}/api-keys/{keyId}'].delete.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(['id', 'keyId', 'X-Workspace-Id']);
  });
});

describe('client address behind a proxy', () => {
  const failFrom = (app: Harness['app'], forwardedFor: string) =>
    app.inject({
      method: 'GET',
      url: '/api/content',
      remoteAddress: '10.9.9.9',
      headers: { authorization: 'Bearer sk_nope', 'x-forwarded-for': forwardedFor },
    });

  it.each([
    ['trusted', true, 401],
    ['not trusted (default)', undefined, 429],
  ])(
    'X-Forwarded-For %s: the throttle counts per client (%s)',
    async (_case, trustProxy, otherClientStatus) => {
      const proxied = await createHarness(trustProxy === undefined ? {} : { trustProxy });
      try {
        for (let i = 0; i < 30; i++)
          expect((await failFrom(proxied.app, '203.0.113.1')).statusCode).toBe(401);
        expect((await failFrom(proxied.app, '203.0.113.1')).statusCode).toBe(429);
        expect((await failFrom(proxied.app, '203.0.113.2')).statusCode).toBe(otherClientStatus);
      } finally {
        await proxied.close();
      }
    },
  );
});

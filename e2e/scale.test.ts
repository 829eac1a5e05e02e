/**
 * Several real server processes on one PostgreSQL database and one Redis, as behind a load balancer.
 * Runs under `npm run test:scale`, which starts both; skipped (and says so) by plain `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_DATABASE_URL,
  type CallOptions,
  call,
  createDatabase,
  type OwnRedis,
  SHARED_REDIS_URL,
  startOwnRedis,
  waitUntil,
} from './support/scale.js';
import { type Owner, type RunningServer, signUpOwner, startServer } from './support/server.js';

const KEY_SECRET = 'scale-test-secret-0123456789abcdef0123456789';
const enabled = ADMIN_DATABASE_URL !== undefined && SHARED_REDIS_URL !== undefined;
if (!enabled)
  console.log('e2e/scale.test.ts skipped: run npm run test:scale (it starts PostgreSQL and Redis)');

let scenario = 0;
/** Each scenario calls from an address of its own, so failed attempts of one never throttle another. */
const address = () => `10.77.0.${++scenario}`;

function serverEnv(databaseUrl: string, redisUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SOCIFYR_KEY_SECRET: KEY_SECRET,
    SOCIFYR_TRUST_PROXY: 'true',
    SOCIFYR_LOG_LEVEL: 'info',
  };
}

/** A client that calls as one address (X-Forwarded-For, trusted by these servers). */
function as(from: string) {
  return (server: RunningServer, method: string, path: string, options: CallOptions = {}) =>
    call(server.apiUrl, method, path, { ...options, forwardedFor: from });
}

async function createKey(
  server: RunningServer,
  owner: Owner,
  label: string,
): Promise<{ id: string; plaintext: string }> {
  const created = await call(server.apiUrl, 'POST', `/workspaces/${owner.workspaceId}/api-keys`, {
    cookie: owner.cookie,
    body: { label },
  });
  const data = created.body.data as { plaintext: string; key: { id: string } };
  return { id: data.key.id, plaintext: data.plaintext };
}

describe.skipIf(!enabled)('many servers on one PostgreSQL and one Redis', () => {
  let drop: () => Promise<void>;
  let databaseUrl: string;
  let a: RunningServer;
  let b: RunningServer;
  let owner: Owner;

  beforeAll(async () => {
    const database = await createDatabase();
    drop = database.drop;
    databaseUrl = database.url;
    // Both start at once on an empty database: their migrations must not collide.
    [a, b] = await Promise.all([
      startServer({ env: serverEnv(database.url, SHARED_REDIS_URL!) }),
      startServer({ env: serverEnv(database.url, SHARED_REDIS_URL!) }),
    ]);
    owner = await signUpOwner(a, 'Ada');
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await drop?.();
  });

  it('start together on an empty database, and each says which stores it uses', () => {
    for (const server of [a, b]) {
      expect(server.output()).toContain('storage: PostgreSQL at postgres://');
      expect(server.output()).toContain('rate limits and invalidations shared through Redis at redis://');
    }
  });

  it('reject a key deleted through another server from the very next request on, and never accept it again', async () => {
    const api = as(address());
    for (let i = 0; i < 5; i++) {
      const key = await createKey(a, owner, `rotating ${i}`);
      // Both servers have verified (and cached) the key.
      expect((await api(b, 'GET', '/content', { key: key.plaintext })).status).toBe(200);
      expect((await api(a, 'GET', '/content', { key: key.plaintext })).status).toBe(200);

      const deleted = await api(a, 'DELETE', `/workspaces/${owner.workspaceId}/api-keys/${key.id}`, {
        cookie: owner.cookie,
      });
      expect(deleted.status).toBe(200);
      const next = await api(b, 'GET', '/content', { key: key.plaintext });
      expect(next).toMatchObject({ status: 401, body: { error: 'Invalid API key' } });
    }
  });

  it('apply a demotion and a removal made through another server to the member’s key at once', async () => {
    const api = as(address());
    const email = `grace-${Date.now()}@example.com`;
    const invited = await api(a, 'POST', `/workspaces/${owner.workspaceId}/invitations`, {
      cookie: owner.cookie,
      body: { email, roleKey: 'ADMIN' },
    });
    const token = (invited.body.data as { token: string }).token;
    const signup = await fetch(`${b.apiUrl}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.77.1.1' },
      body: JSON.stringify({ email, password: 'a long password for grace', name: 'Grace' }),
    });
    const grace = { cookie: (signup.headers.get('set-cookie') ?? '').split(';', 1)[0]! };
    const userId = ((await signup.json()) as { data: { user: { id: string } } }).data.user.id;
    expect(
      (await api(b, 'POST', '/invitations/accept', { cookie: grace.cookie, body: { token } })).status,
    ).toBe(201);
    const key = await createKey(b, { ...owner, cookie: grace.cookie }, 'grace');

    const addConnection = (handle: string) =>
      api(b, 'POST', `/workspaces/${owner.workspaceId}/connections`, {
        key: key.plaintext,
        body: { platform: 'x', handle },
      });
    expect((await addConnection('as-admin')).status).toBe(201);

    const member = `/workspaces/${owner.workspaceId}/members/${userId}`;
    expect(
      (await api(a, 'PATCH', member, { cookie: owner.cookie, body: { roleKey: 'CONTRIBUTOR' } })).status,
    ).toBe(200);
    expect(await addConnection('as-contributor')).toMatchObject({ status: 403 });

    expect((await api(a, 'DELETE', member, { cookie: owner.cookie })).status).toBe(200);
    expect(await api(b, 'GET', '/content', { key: key.plaintext })).toMatchObject({
      status: 401,
      body: { error: 'API key is inactive: its creator is no longer a member of this workspace' },
    });
  });

  it('hold the per-key rate limit across servers: 10 in one second in total', async () => {
    const api = as(address());
    const key = await createKey(a, owner, 'busy');
    // Verified on both first, so the burst measures only the shared limit (this costs 2 of the 10).
    expect((await api(a, 'GET', '/content', { key: key.plaintext })).status).toBe(200);
    expect((await api(b, 'GET', '/content', { key: key.plaintext })).status).toBe(200);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api(i % 2 ? a : b, 'GET', '/content', { key: key.plaintext })),
    );
    const ok = burst.filter((r) => r.status === 200).length;
    expect(burst.filter((r) => r.status === 429)).toHaveLength(20 - ok);
    // Counted per server, 20 would pass. 8 when the burst lands within the warm-ups' second, at most 10 in any case.
    expect(ok).toBeGreaterThanOrEqual(8);
    expect(ok).toBeLessThanOrEqual(10);
  });

  it('show lastUsedAt written through one server in a list on the other within 1 s', async () => {
    const api = as(address());
    const key = await createKey(a, owner, 'watched');
    const usedAt = Date.now();
    expect((await api(a, 'GET', '/content', { key: key.plaintext })).status).toBe(200);
    let seenAfterMs = 0;
    await waitUntil(
      async () => {
        const list = await api(b, 'GET', `/workspaces/${owner.workspaceId}/api-keys`, {
          cookie: owner.cookie,
        });
        const listed = (list.body.data as { id: string; lastUsedAt: string | null }[]).find(
          (k) => k.id === key.id,
        );
        seenAfterMs = Date.now() - usedAt;
        return listed?.lastUsedAt != null;
      },
      5_000,
      'lastUsedAt never reached the other server',
    );
    expect(seenAfterMs).toBeLessThanOrEqual(1000);
  });

  it('lose no key, membership or post when one server restarts', async () => {
    const api = as(address());
    await api(a, 'POST', `/workspaces/${owner.workspaceId}/connections`, {
      cookie: owner.cookie,
      body: { platform: 'bluesky', handle: 'restart' },
    });
    const post = await api(a, 'POST', '/content/text', {
      key: owner.apiKey,
      body: { connections: ['bluesky-restart'], text: 'written before the restart' },
    });
    expect(post.status).toBe(201);
    await a.stop();
    // The other server goes on answering while the first is away.
    expect((await api(b, 'GET', '/content', { key: owner.apiKey })).status).toBe(200);

    a = await startServer({ env: serverEnv(databaseUrl, SHARED_REDIS_URL!) });
    const listed = await api(a, 'GET', '/content', { key: owner.apiKey });
    expect(listed.status).toBe(200);
    expect((listed.body.data as { results: { text: string }[] }).results.map((p) => p.text)).toContain(
      'written before the restart',
    );
    const members = await api(a, 'GET', `/workspaces/${owner.workspaceId}/members`, { cookie: owner.cookie });
    expect((members.body.data as { email: string }[]).map((m) => m.email)).toContain(owner.email);
  });
});

describe.skipIf(!enabled)('when Redis goes away and comes back', () => {
  let redis: OwnRedis;
  let drop: () => Promise<void>;
  let c: RunningServer;
  let d: RunningServer;
  let owner: Owner;

  beforeAll(async () => {
    redis = await startOwnRedis();
    const database = await createDatabase();
    drop = database.drop;
    [c, d] = await Promise.all([
      startServer({ env: serverEnv(database.url, redis.url) }),
      startServer({ env: serverEnv(database.url, redis.url) }),
    ]);
    owner = await signUpOwner(c, 'Ada');
  });
  afterAll(async () => {
    await Promise.all([c?.stop(), d?.stop()]);
    await redis?.stop();
    await drop?.();
  });

  it('keeps authenticating, says so in the log, and falls back to short cache lifetimes', async () => {
    const api = as(address());
    const key = await createKey(c, owner, 'through the outage');
    expect((await api(d, 'GET', '/content', { key: key.plaintext })).status).toBe(200);

    await redis.kill();
    for (const server of [c, d]) {
      expect((await api(server, 'GET', '/content', { key: owner.apiKey })).status).toBe(200);
    }
    await waitUntil(
      () => [c, d].every((s) => s.output().includes('Redis invalidation bus disconnected')),
      5_000,
      'the servers did not log the lost bus',
    );
    expect(c.output()).toContain('Redis unavailable for rate limits: counting per server');

    // A deletion cannot be announced now: the other server stops accepting the key once its cached copy expires.
    await api(c, 'DELETE', `/workspaces/${owner.workspaceId}/api-keys/${key.id}`, { cookie: owner.cookie });
    expect((await api(c, 'GET', '/content', { key: key.plaintext })).status).toBe(401);
    await waitUntil(
      async () => (await api(d, 'GET', '/content', { key: key.plaintext })).status === 401,
      3_000,
      'the deleted key was still accepted 3 s after its deletion while Redis was down',
    );
  });

  it('shares limits and invalidations again once Redis is back', async () => {
    const api = as(address());
    await redis.restart();
    await waitUntil(
      () => [c, d].every((s) => s.output().includes('Redis invalidation bus reconnected')),
      10_000,
      'the servers did not reconnect to Redis',
    );
    // Each server's first rate-limit check on Redis again says so.
    await waitUntil(
      async () => {
        await api(c, 'GET', '/content', { key: owner.apiKey });
        return c.output().includes('Redis is back: rate limits are shared by every server again');
      },
      10_000,
      'the rate limits did not go back to Redis',
    );
    const key = await createKey(c, owner, 'after the outage');
    expect((await api(d, 'GET', '/content', { key: key.plaintext })).status).toBe(200);
    await api(c, 'DELETE', `/workspaces/${owner.workspaceId}/api-keys/${key.id}`, { cookie: owner.cookie });
    expect((await api(d, 'GET', '/content', { key: key.plaintext })).status).toBe(401);
  });
});

/**
 * The SDK against the real built server: every method once for real, the error paths a user meets, the
 * seed page's snippets as written, and rotation.
 */
import { generateKey } from '@socifyr/keys';
import { Socifyr, SocifyrError, type SocifyrOptions } from '@socifyr/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SocifyrInternalOptions } from '../packages/sdk/src/client.js';
import { freePort, type Owner, type RunningServer, signUpOwner, startServer } from './support/server.js';

/** Raised limits, so the suite's many calls with one key are never held back. */
const HIGH_LIMITS = { SOCIFYR_RATE_LIMIT_PER_SECOND: '1000', SOCIFYR_RATE_LIMIT_PER_MINUTE: '60000' };

/** A real fetch that counts the requests it sends and the statuses it gets. */
function countingFetch() {
  const statuses: number[] = [];
  const retryAfters: (string | null)[] = [];
  const fetchAndCount: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    retryAfters.push(response.headers.get('retry-after'));
    return response;
  };
  return { fetch: fetchAndCount, statuses, retryAfters };
}

/** The SocifyrError a call rejects with (fails the test if it resolves or throws anything else). */
async function failure(call: Promise<unknown>): Promise<SocifyrError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SocifyrError);
  return error as SocifyrError;
}

/** Signs a person up over HTTP (the dashboard's way) and returns their session cookie and user id. */
async function signUp(server: RunningServer, email: string, name: string) {
  const response = await fetch(`${server.apiUrl}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple', name }),
  });
  expect(response.status).toBe(201);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
  const userId = ((await response.json()) as { data: { user: { id: string } } }).data.user.id;
  return { cookie, userId };
}

/** A POST made as a signed-in person (with the CSRF header the API asks of sessions). */
async function postAsPerson(server: RunningServer, cookie: string, path: string, body: unknown) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'socifyr' },
    body: JSON.stringify(body),
  });
  return { status: response.status, data: ((await response.json()) as { data: unknown }).data };
}

describe('the SDK against a real server', () => {
  let server: RunningServer;
  let owner: Owner;
  let socifyr: Socifyr;
  let workspaceId: string;
  const client = (apiKey: string, options: SocifyrOptions = {}) =>
    new Socifyr({ apiKey, workspaceId, apiUrl: server.apiUrl, ...options });

  beforeAll(async () => {
    server = await startServer({ env: HIGH_LIMITS });
    owner = await signUpOwner(server, 'Ada');
    workspaceId = owner.workspaceId;
    socifyr = client(owner.apiKey);
  });
  afterAll(() => server?.stop());
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  describe('the seed page, as written', () => {
    it('constructs from the environment and lists, creates and deletes keys', async () => {
      vi.stubEnv('SOCIFYR_API_KEY', owner.apiKey);
      vi.stubEnv('SOCIFYR_WORKSPACE_ID', owner.workspaceId);
      // The page leaves apiUrl to its default; here the environment points it at this server.
      vi.stubEnv('SOCIFYR_API_URL', server.apiUrl);

      const socifyr = new Socifyr({
        apiKey: process.env.SOCIFYR_API_KEY!,
        workspaceId: process.env.SOCIFYR_WORKSPACE_ID!,
      });
      const workspaceId = process.env.SOCIFYR_WORKSPACE_ID!;

      // List
      const keys = await socifyr.workspaces.listApiKeys(workspaceId);
      expect(keys.map((k) => k.id)).toContain(owner.apiKeyId);

      // Create
      const { plaintext } = await socifyr.workspaces.createApiKey(workspaceId, {
        label: 'CI bot',
      });
      expect(plaintext).toMatch(/^sk_[0-9a-f]{64}$/); // only returned once
      const keyId = (await socifyr.workspaces.listApiKeys(workspaceId)).find((k) => k.label === 'CI bot')!.id;
      await expect(client(plaintext).auth.me()).resolves.toMatchObject({ apiKey: { id: keyId } });

      // Delete
      await socifyr.workspaces.deleteApiKey(workspaceId, keyId);

      const error = await failure(client(plaintext).auth.me());
      expect(error.status).toBe(401);
      expect(error.message).toBe('Invalid API key');
      expect((await socifyr.workspaces.listApiKeys(workspaceId)).map((k) => k.id)).not.toContain(keyId);
    });

    it('shows lastUsedAt for audits', async () => {
      const before = Date.now();
      await socifyr.connections.list();
      const key = (await socifyr.workspaces.listApiKeys(workspaceId)).find((k) => k.id === owner.apiKeyId);
      expect(key?.lastUsedAt).not.toBeNull();
      expect(Date.parse(key?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    });

    it('rotates without downtime: both keys work until the old one is deleted', async () => {
      const { plaintext: oldKey, key: old } = await socifyr.workspaces.createApiKey(workspaceId, {
        label: 'Production backend',
      });
      const { plaintext: newKey, key: replacement } = await socifyr.workspaces.createApiKey(workspaceId, {
        label: 'Production backend (rotated)',
      });
      expect(replacement.hint).not.toBe(old.hint);
      await expect(client(oldKey).content.list()).resolves.toMatchObject({ page: 1 });
      await expect(client(newKey).content.list()).resolves.toMatchObject({ page: 1 });

      await client(newKey).workspaces.deleteApiKey(workspaceId, old.id);

      expect((await failure(client(oldKey).content.list())).message).toBe('Invalid API key');
      await expect(client(newKey).content.list()).resolves.toMatchObject({ page: 1 });
    });
  });

  describe('auth and workspaces', () => {
    it('me: the key, its creator and its workspace', async () => {
      const me = await socifyr.auth.me();
      expect(me.user).toMatchObject({ id: owner.userId, email: owner.email, name: 'Ada' });
      expect(me.workspaces).toEqual([{ id: workspaceId, name: "Ada's workspace", roleKey: 'OWNER' }]);
      expect(me.apiKey).toMatchObject({ id: owner.apiKeyId, label: 'e2e', roleKey: 'OWNER' });
      expect(me.apiKey?.hint).toMatch(/^sk_[0-9a-f]{4}…[0-9a-f]{4}$/);
    });

    it('list, get and update the key’s workspace', async () => {
      expect((await socifyr.workspaces.list()).map((w) => w.id)).toEqual([workspaceId]);
      const workspace = await socifyr.workspaces.get(workspaceId);
      expect(workspace).toMatchObject({ id: workspaceId, tier: 'free' });
      const renamed = await socifyr.workspaces.update(workspaceId, { name: 'Brand team' });
      expect(renamed).toEqual({ ...workspace, name: 'Brand team' });
      expect((await socifyr.workspaces.get(workspaceId)).name).toBe('Brand team');
    });

    it('create and delete need a person: a key gets 403', async () => {
      const created = await failure(socifyr.workspaces.create({ name: 'Second' }));
      expect(created.status).toBe(403);
      expect(created.message).toBe('This action needs a signed-in person; API keys cannot perform it');
      const deleted = await failure(socifyr.workspaces.delete(workspaceId));
      expect(deleted.status).toBe(403);
      expect(deleted.message).toBe('This action needs a signed-in person; API keys cannot perform it');
      await expect(socifyr.workspaces.get(workspaceId)).resolves.toMatchObject({ id: workspaceId });
    });

    it('a key naming another workspace gets 403', async () => {
      const other = await signUpOwner(server, 'Grace');
      const viaHeader = await failure(client(owner.apiKey, { workspaceId: other.workspaceId }).auth.me());
      expect(viaHeader.status).toBe(403);
      expect(viaHeader.message).toContain(other.workspaceId);
      const viaPath = await failure(socifyr.workspaces.listApiKeys(other.workspaceId));
      expect(viaPath.status).toBe(403);
    });
  });

  describe('connections', () => {
    it('create, list both ways, refuse a duplicate, disconnect', async () => {
      const connection = await socifyr.workspaces.createConnection(workspaceId, {
        platform: 'linkedin',
        handle: '@AdaLovelace',
        name: 'Ada on LinkedIn',
      });
      expect(connection).toMatchObject({
        slug: 'linkedin-adalovelace',
        platform: 'linkedin',
        name: 'Ada on LinkedIn',
      });
      expect(await socifyr.workspaces.listConnections(workspaceId)).toContainEqual(connection);
      expect(await socifyr.connections.list()).toContainEqual(connection);

      const duplicate = await failure(
        socifyr.workspaces.createConnection(workspaceId, { platform: 'linkedin', handle: 'adalovelace' }),
      );
      expect(duplicate.status).toBe(409);

      await expect(
        socifyr.workspaces.disconnectPlatform(workspaceId, connection.id),
      ).resolves.toBeUndefined();
      expect((await socifyr.connections.list()).map((c) => c.id)).not.toContain(connection.id);
      expect((await failure(socifyr.workspaces.disconnectPlatform(workspaceId, connection.id))).status).toBe(
        404,
      );
    });

    it('reports every validation problem in one message', async () => {
      const error = await failure(
        socifyr.workspaces.createConnection(workspaceId, {
          platform: 'myspace' as 'x',
          handle: 'has spaces',
        }),
      );
      expect(error.status).toBe(400);
      const problems = (error.body as { error: string[] }).error;
      expect(problems.length).toBe(2);
      expect(error.message).toBe(problems.join(', '));
    });
  });

  describe('content', () => {
    beforeAll(async () => {
      await socifyr.workspaces.createConnection(workspaceId, { platform: 'x', handle: 'ada' });
      await socifyr.workspaces.createConnection(workspaceId, { platform: 'bluesky', handle: 'ada' });
    });

    it('writes, reads, lists, edits, archives and deletes a post', async () => {
      const draft = await socifyr.content.createText({ connections: ['x-ada'], text: 'Hello from Socifyr' });
      expect(draft).toMatchObject({
        text: 'Hello from Socifyr',
        connections: ['x-ada'],
        status: 'draft',
        scheduledAt: null,
        createdBy: { userId: owner.userId, apiKeyId: owner.apiKeyId },
      });
      expect(await socifyr.content.get(draft.id)).toEqual(draft);

      const when = new Date(Date.now() + 3_600_000);
      const scheduled = await socifyr.content.createText({
        connections: ['x-ada', 'bluesky-ada'],
        text: 'Later',
        scheduledAt: when,
      });
      expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: when.toISOString() });

      const onlyScheduled = await socifyr.content.list({ status: 'scheduled' });
      expect(onlyScheduled.results.map((p) => p.id)).toEqual([scheduled.id]);
      const firstPage = await socifyr.content.list({ page: 1, limit: 1 });
      expect(firstPage).toMatchObject({ page: 1, limit: 1, total: 2 });
      expect(firstPage.results.map((p) => p.id)).toEqual([scheduled.id]);
      expect((await socifyr.content.list({ page: 2, limit: 1 })).results.map((p) => p.id)).toEqual([
        draft.id,
      ]);

      const edited = await socifyr.content.update(draft.id, {
        text: 'Hello again',
        connections: ['bluesky-ada'],
      });
      expect(edited).toMatchObject({ text: 'Hello again', connections: ['bluesky-ada'], status: 'draft' });
      const unscheduled = await socifyr.content.update(scheduled.id, { scheduledAt: null });
      expect(unscheduled).toMatchObject({ status: 'draft', scheduledAt: null });

      expect((await socifyr.content.archive(draft.id)).status).toBe('archived');
      expect((await socifyr.content.list({ status: 'archived' })).total).toBe(1);

      await expect(socifyr.content.delete(draft.id)).resolves.toBeUndefined();
      await socifyr.content.delete(scheduled.id);
      const gone = await failure(socifyr.content.get(draft.id));
      expect(gone.status).toBe(404);
      expect(gone.message).toMatch(/not found/i);
      expect((await socifyr.content.list()).total).toBe(0);
    });

    it('joins validation problems with ", "', async () => {
      const error = await failure(socifyr.content.createText({ connections: [], text: '' }));
      expect(error.status).toBe(400);
      const problems = (error.body as { error: string[] }).error;
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(error.message).toBe(problems.join(', '));
      expect(error.message).toContain('connections should not be empty');
    });

    it('names an unknown connection', async () => {
      const error = await failure(socifyr.content.createText({ connections: ['ig-nope'], text: 'Hi' }));
      expect(error.status).toBe(400);
      expect(error.message).toBe('Connection "ig-nope" not found');
    });

    it('answers 404 for a post of another workspace', async () => {
      const other = await signUpOwner(server, 'Linus');
      const theirs = new Socifyr({ apiKey: other.apiKey, apiUrl: server.apiUrl });
      await theirs.workspaces.createConnection(other.workspaceId, { platform: 'x', handle: 'linus' });
      const post = await theirs.content.createText({ connections: ['x-linus'], text: 'Mine' });
      const error = await failure(socifyr.content.get(post.id));
      expect(error.status).toBe(404);
      expect(JSON.stringify(error.body)).not.toContain('Mine');
    });
  });

  describe('members, invitations and roles', () => {
    it('invite, accept (as the person), change the role, act with it, remove', async () => {
      const email = `grace-${Date.now()}@example.com`;
      const invitation = await socifyr.workspaces.invite(workspaceId, { email, roleKey: 'EDITOR' });
      expect(invitation).toMatchObject({ email, roleKey: 'EDITOR' });
      expect(invitation.token.length).toBeGreaterThan(20);
      const pending = await socifyr.workspaces.listInvitations(workspaceId);
      expect(pending.find((i) => i.id === invitation.id)).toEqual({
        id: invitation.id,
        email,
        roleKey: 'EDITOR',
        expiresAt: invitation.expiresAt,
        createdAt: invitation.createdAt,
      });

      // Accepting is for the signed-in person, over the dashboard's API.
      const grace = await signUp(server, email, 'Grace');
      const accepted = await postAsPerson(server, grace.cookie, '/invitations/accept', {
        token: invitation.token,
      });
      expect(accepted.status).toBe(201);
      expect(await socifyr.workspaces.listMembers(workspaceId)).toContainEqual(
        expect.objectContaining({ userId: grace.userId, email, roleKey: 'EDITOR' }),
      );

      // Grace makes a key in the dashboard and uses the SDK with it: an EDITOR cannot manage connections.
      const made = await postAsPerson(server, grace.cookie, `/workspaces/${workspaceId}/api-keys`, {
        label: 'laptop',
      });
      const graceKey = (made.data as { plaintext: string }).plaintext;
      const asGrace = client(graceKey);
      const denied = await failure(
        asGrace.workspaces.createConnection(workspaceId, { platform: 'x', handle: 'g' }),
      );
      expect(denied.status).toBe(403);
      expect(denied.message).toContain('connections:manage');
      expect((await asGrace.workspaces.listApiKeys(workspaceId)).map((k) => k.label)).toEqual(['laptop']);

      // Promoted, the same key may at once.
      const promoted = await socifyr.workspaces.updateMemberRole(workspaceId, grace.userId, {
        roleKey: 'ADMIN',
      });
      expect(promoted).toMatchObject({ userId: grace.userId, roleKey: 'ADMIN' });
      const connection = await asGrace.workspaces.createConnection(workspaceId, {
        platform: 'threads',
        handle: 'g',
      });
      await asGrace.workspaces.disconnectPlatform(workspaceId, connection.id);

      // Removed, her key stops working.
      await expect(socifyr.workspaces.removeMember(workspaceId, grace.userId)).resolves.toBeUndefined();
      const inactive = await failure(asGrace.auth.me());
      expect(inactive.status).toBe(401);
      expect(inactive.message).toBe(
        'API key is inactive: its creator is no longer a member of this workspace',
      );
      const listed = (await socifyr.workspaces.listApiKeys(workspaceId)).find((k) => k.label === 'laptop');
      expect(listed).toMatchObject({ status: 'inactive', roleKey: null });
    });

    it('cancels an invitation', async () => {
      const invitation = await socifyr.workspaces.invite(workspaceId, {
        email: `linus-${Date.now()}@example.com`,
        roleKey: 'CONTRIBUTOR',
      });
      await expect(socifyr.workspaces.cancelInvitation(workspaceId, invitation.id)).resolves.toBeUndefined();
      expect((await socifyr.workspaces.listInvitations(workspaceId)).map((i) => i.id)).not.toContain(
        invitation.id,
      );
      expect((await failure(socifyr.workspaces.cancelInvitation(workspaceId, invitation.id))).status).toBe(
        404,
      );
    });

    it('an invitation cannot grant OWNER', async () => {
      const error = await failure(
        socifyr.workspaces.invite(workspaceId, { email: 'x@example.com', roleKey: 'OWNER' as 'ADMIN' }),
      );
      expect(error.status).toBe(400);
      expect(error.message).toContain('roleKey');
    });
  });

  describe('failures a user meets', () => {
    it('401 for an unknown key and a malformed one, not retried', async () => {
      const counted = countingFetch();
      const unknown = await failure(client(generateKey(), { fetch: counted.fetch }).auth.me());
      expect(unknown).toMatchObject({ status: 401, message: 'Invalid API key' });
      const malformed = await failure(client('sk_nope', { fetch: counted.fetch }).auth.me());
      expect(malformed).toMatchObject({ status: 401, message: 'Malformed API key' });
      expect(counted.statuses).toEqual([401, 401]);
      expect(unknown.requestId).toBeTruthy();
      // The server's log line reaches its stdout a moment after the response.
      await expect.poll(() => server.output()).toContain(unknown.requestId);
    });

    it('status 0 "Network error: …" when nothing listens', async () => {
      const port = await freePort();
      const offline = new Socifyr({
        apiKey: owner.apiKey,
        apiUrl: `http://127.0.0.1:${port}/api`,
        maxRetries: 0,
      });
      const error = await failure(offline.auth.me());
      expect(error.status).toBe(0);
      expect(error.message).toMatch(
        new RegExp(
          `^Network error: GET http://127\\.0\\.0\\.1:${port}/api/auth/me failed: fetch failed \\(.*ECONNREFUSED`,
        ),
      );
    });

    it('a clear message when apiUrl misses /api and the dashboard answers', async () => {
      const error = await failure(client(owner.apiKey, { apiUrl: server.origin }).auth.me());
      expect(error.status).toBe(200);
      expect(error.message).toBe(
        `GET ${server.origin}/auth/me answered HTTP 200 OK with text/html instead of JSON: check that apiUrl points at the Socifyr API (it ends in /api)`,
      );
    });

    it('404 in the envelope for an unknown route', async () => {
      const error = await failure(client(owner.apiKey, { apiUrl: `${server.apiUrl}/v2` }).auth.me());
      expect(error.status).toBe(404);
      expect(error.body).toMatchObject({ success: false, statusCode: 404 });
    });

    it('never lets the server log a key', () => {
      expect(server.output()).not.toContain(owner.apiKey.slice(3));
    });
  });
});

describe('the SDK under the default rate limit', () => {
  let server: RunningServer;
  let owner: Owner;
  beforeAll(async () => {
    server = await startServer();
    owner = await signUpOwner(server);
  });
  afterAll(() => server?.stop());

  it('retries a 429 after the Retry-After the server sent', async () => {
    const counted = countingFetch();
    const waits: number[] = [];
    const options: SocifyrInternalOptions = {
      apiKey: owner.apiKey,
      apiUrl: server.apiUrl,
      fetch: counted.fetch,
      // Records each wait, then waits it for real.
      sleep: async (ms: number) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    };
    const socifyr = new Socifyr(options);
    // 15 at once against 10 a second: some are refused, and every one still succeeds.
    const results = await Promise.all(Array.from({ length: 15 }, () => socifyr.connections.list()));
    expect(results).toHaveLength(15);
    expect(results.every((r) => Array.isArray(r))).toBe(true);

    const refused = counted.statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(counted.statuses.filter((s) => s === 200)).toHaveLength(15);
    const asked = counted.retryAfters.filter((h): h is string => h !== null).map((h) => Number(h) * 1000);
    expect(asked).toHaveLength(refused);
    expect(asked.every((ms) => ms >= 1000)).toBe(true);
    expect([...waits].sort()).toEqual([...asked].sort());
  });
});

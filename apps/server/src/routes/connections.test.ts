import { describe, expect, it } from 'vitest';
import type { RoleKey } from '../db/tables.js';
import { rateLimitPolicy } from '../limits/rate-limiter.js';
import {
  actingIn,
  addMember,
  createKey,
  expectError,
  FakeClock,
  keyHeaders,
  sessionHeaders,
  signUp,
  useHarness,
} from '../test/harness.js';

// A clock the tests move, so "oldest first" is decided by time and not by chance within one millisecond.
const clock = new FakeClock('2030-01-01T00:00:00.000Z');
const h = useHarness(() => ({ clock: clock.reset(), policy: rateLimitPolicy(1000, 100_000) }));

const connectionsUrl = (workspaceId: string) => `/api/workspaces/${workspaceId}/connections`;

async function connect(
  headers: Record<string, string>,
  workspaceId: string,
  payload: Record<string, unknown>,
) {
  clock.advance(1000);
  return h.app.inject({ method: 'POST', url: connectionsUrl(workspaceId), headers, payload });
}

describe('connections: create and list', () => {
  it('creates a connection with a slug from platform and handle, and lists it on both routes', async () => {
    const ada = await signUp(h.app, 'Ada');
    const created = await connect(sessionHeaders(ada), ada.workspaceId, {
      platform: 'x',
      handle: '@Brand.Co',
    });
    expect(created.statusCode).toBe(201);
    const connection = created.json().data;
    expect(connection).toEqual({
      id: expect.stringMatching(/^con_[0-9a-f]{28}$/),
      slug: 'x-brand.co',
      platform: 'x',
      name: 'Brand.Co',
      createdAt: '2030-01-01T00:00:01.000Z',
    });
    const stored = await h.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ workspace_id: ada.workspaceId, handle: 'Brand.Co', slug: 'x-brand.co' });

    const second = await connect(sessionHeaders(ada), ada.workspaceId, {
      platform: 'linkedin',
      handle: 'brand',
      name: '  Brand Inc.  ',
    });
    expect(second.json().data).toMatchObject({ slug: 'linkedin-brand', name: 'Brand Inc.' });

    for (const url of ['/api/connections', connectionsUrl(ada.workspaceId)]) {
      const list = await h.app.inject({ url, headers: sessionHeaders(ada) });
      expect(list.statusCode).toBe(200);
      expect(list.json().data.map((c: { slug: string }) => c.slug)).toEqual(['x-brand.co', 'linkedin-brand']);
      expect(list.json().data[0]).toEqual(connection);
    }
  });

  it('works through an API key, with or without X-Workspace-Id', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext } = await createKey(h.app, ada);
    const created = await connect(keyHeaders(plaintext), ada.workspaceId, {
      platform: 'bluesky',
      handle: 'ada',
    });
    expect(created.statusCode).toBe(201);

    for (const headers of [keyHeaders(plaintext), keyHeaders(plaintext, ada.workspaceId)]) {
      const list = await h.app.inject({ url: '/api/connections', headers });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual({ success: true, data: [created.json().data] });
    }
  });

  it('answers 409 for a slug the workspace already has, whatever the case or "@"', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    expect(
      (await connect(sessionHeaders(ada), ada.workspaceId, { platform: 'x', handle: 'brand' })).statusCode,
    ).toBe(201);
    const duplicate = await connect(sessionHeaders(ada), ada.workspaceId, {
      platform: 'x',
      handle: '@BRAND',
    });
    expect(expectError(duplicate, 409).error).toBe('Connection "x-brand" already exists');
    expect(await h.db.selectFrom('connections').select('id').execute()).toHaveLength(1);

    // The same handle elsewhere is another slug, and another workspace has its own slugs.
    expect(
      (await connect(sessionHeaders(ada), ada.workspaceId, { platform: 'threads', handle: 'brand' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await connect(sessionHeaders(bob), bob.workspaceId, { platform: 'x', handle: 'brand' })).statusCode,
    ).toBe(201);
  });

  it.each([
    [
      'an unknown platform',
      { platform: 'myspace', handle: 'brand' },
      [
        'platform must be one of: x, linkedin, threads, bluesky, facebook, instagram, reddit, pinterest, tiktok, youtube',
      ],
    ],
    [
      'a handle with spaces',
      { platform: 'x', handle: 'my brand' },
      [
        'handle must contain only letters, digits, dots, underscores and hyphens (a leading @ is allowed), e.g. @brand',
      ],
    ],
    [
      'a handle that is only "@"',
      { platform: 'x', handle: '@' },
      [
        'handle must contain only letters, digits, dots, underscores and hyphens (a leading @ is allowed), e.g. @brand',
      ],
    ],
    ['an empty handle', { platform: 'x', handle: '' }, ['handle should not be empty']],
    [
      'a handle over 100 characters',
      { platform: 'x', handle: 'a'.repeat(101) },
      ['handle must be at most 100 characters'],
    ],
    ['an empty name', { platform: 'x', handle: 'brand', name: '' }, ['name should not be empty']],
    ['a blank name', { platform: 'x', handle: 'brand', name: '   ' }, ['name should not be blank']],
    [
      'a name with a null character',
      { platform: 'x', handle: 'brand', name: 'a\u0000b' },
      ['name must be valid Unicode text without null characters (\\u0000)'],
    ],
    [
      'a name over 100 characters',
      { platform: 'x', handle: 'brand', name: 'n'.repeat(101) },
      ['name must be at most 100 characters'],
    ],
    [
      'wrong types',
      { platform: 1, handle: ['brand'] },
      // The type message alone: the enum's list would only repeat that a number is not a platform.
      ['platform must be a string', 'handle must be a string'],
    ],
    ['missing fields', {}, ['platform is required', 'handle is required']],
    [
      'an unknown field',
      { platform: 'x', handle: 'brand', url: 'https://x.com/brand' },
      ['property url should not exist'],
    ],
  ])('rejects %s with readable messages', async (_case, payload, messages) => {
    const ada = await signUp(h.app, 'Ada');
    const response = await connect(sessionHeaders(ada), ada.workspaceId, payload);
    const error = expectError(response, 400).error;
    expect([...error].sort()).toEqual([...messages].sort());
    expect(await h.db.selectFrom('connections').select('id').execute()).toEqual([]);
  });
});

describe('connections: delete', () => {
  it('deletes a connection; posts that name it keep their slug list', async () => {
    const ada = await signUp(h.app, 'Ada');
    const connection = (
      await connect(sessionHeaders(ada), ada.workspaceId, { platform: 'x', handle: 'brand' })
    ).json().data;
    const post = await h.app.inject({
      method: 'POST',
      url: '/api/content/text',
      headers: sessionHeaders(ada),
      payload: { connections: ['x-brand'], text: 'Hello' },
    });
    expect(post.statusCode).toBe(201);

    const url = `${connectionsUrl(ada.workspaceId)}/${connection.id}`;
    const deleted = await h.app.inject({ method: 'DELETE', url, headers: sessionHeaders(ada) });
    expect(deleted.json()).toEqual({ success: true, data: null });
    const list = await h.app.inject({ url: '/api/connections', headers: sessionHeaders(ada) });
    expect(list.json().data).toEqual([]);
    const again = await h.app.inject({ method: 'DELETE', url, headers: sessionHeaders(ada) });
    expect(expectError(again, 404).error).toBe('Connection not found');
    for (const bad of ['con_1', '%00', `con_${'0'.repeat(90)}`]) {
      const garbage = await h.app.inject({
        method: 'DELETE',
        url: `${connectionsUrl(ada.workspaceId)}/${bad}`,
        headers: sessionHeaders(ada),
      });
      expect(expectError(garbage, 404).error).toBe('Connection not found');
    }

    const kept = await h.app.inject({
      url: `/api/content/${post.json().data.id}`,
      headers: sessionHeaders(ada),
    });
    expect(kept.json().data.connections).toEqual(['x-brand']);
  });
});

describe('connections: roles', () => {
  it.each<[RoleKey, boolean]>([
    ['OWNER', true],
    ['ADMIN', true],
    ['EDITOR', false],
    ['CONTRIBUTOR', false],
  ])('%s reads connections; may manage them: %s', async (role, mayManage) => {
    const owner = await signUp(h.app, 'Owner');
    const member = role === 'OWNER' ? owner : await signUp(h.app, role);
    if (role !== 'OWNER') await addMember(h.app, owner, member, role);
    const existing = (
      await connect(sessionHeaders(owner), owner.workspaceId, { platform: 'x', handle: 'existing' })
    ).json().data;
    const { plaintext } = await createKey(h.app, member, owner.workspaceId);

    // Both a session and the member's own key act with the member's role.
    for (const headers of [actingIn(member, owner.workspaceId), keyHeaders(plaintext)]) {
      const list = await h.app.inject({ url: connectionsUrl(owner.workspaceId), headers });
      expect(list.json().data.map((c: { slug: string }) => c.slug)).toContain('x-existing');
    }

    const created = await connect(keyHeaders(plaintext), owner.workspaceId, {
      platform: 'reddit',
      handle: 'r1',
    });
    const deleted = await h.app.inject({
      method: 'DELETE',
      url: `${connectionsUrl(owner.workspaceId)}/${existing.id}`,
      headers: actingIn(member, owner.workspaceId),
    });
    if (mayManage) {
      expect(created.statusCode).toBe(201);
      expect(deleted.statusCode).toBe(200);
    } else {
      const message = `Your role ${role} does not have the permission "connections:manage" (manage connections)`;
      expect(expectError(created, 403).error).toBe(message);
      expect(expectError(deleted, 403).error).toBe(message);
      expect(await h.db.selectFrom('connections').select('slug').execute()).toEqual([{ slug: 'x-existing' }]);
    }
  });
});

describe('connections: isolation between workspaces', () => {
  it("never shows or deletes another workspace's connection", async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    const eves = (
      await connect(sessionHeaders(eve), eve.workspaceId, { platform: 'x', handle: 'eve' })
    ).json().data;
    const { plaintext } = await createKey(h.app, ada);

    for (const headers of [sessionHeaders(ada), keyHeaders(plaintext)]) {
      const list = await h.app.inject({ url: '/api/connections', headers });
      expect(list.json().data).toEqual([]);
      const deleted = await h.app.inject({
        method: 'DELETE',
        url: `${connectionsUrl(ada.workspaceId)}/${eves.id}`,
        headers,
      });
      expect(expectError(deleted, 404).error).toBe('Connection not found');
    }

    // Naming Eve's workspace: a person who is not a member learns nothing; a key is refused.
    const bySession = await h.app.inject({
      url: connectionsUrl(eve.workspaceId),
      headers: sessionHeaders(ada),
    });
    expect(expectError(bySession, 404).error).toBe('Workspace not found');
    const viaHeader = await h.app.inject({
      url: '/api/connections',
      headers: actingIn(ada, eve.workspaceId),
    });
    expect(expectError(viaHeader, 404).error).toBe('Workspace not found');
    const byKey = await h.app.inject({
      url: connectionsUrl(eve.workspaceId),
      headers: keyHeaders(plaintext),
    });
    expectError(byKey, 403);
    const created = await connect(keyHeaders(plaintext), eve.workspaceId, {
      platform: 'x',
      handle: 'sneaky',
    });
    expectError(created, 403);

    expect(await h.db.selectFrom('connections').select('slug').execute()).toEqual([{ slug: 'x-eve' }]);
  });

  it('answers 401 without credentials', async () => {
    const response = await h.app.inject({ url: '/api/connections' });
    expect(expectError(response, 401).error).toBe('Missing API key');
  });
});

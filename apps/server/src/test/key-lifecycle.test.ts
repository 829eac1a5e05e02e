/**
 * The life of a key as people live it: rotation without downtime, the creator leaving, being demoted
 * or coming back, the workspace going away — each takes effect on the very next request.
 */
import type { InjectOptions } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../auth/messages.js';
import {
  addMember,
  changeRole,
  createKey,
  expectError,
  keyHeaders,
  listKeys,
  type Person,
  removeMember,
  sessionHeaders,
  signUp,
  useHarness,
} from './harness.js';

const h = useHarness();
let ada: Person;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
});

const withKey = (plaintext: string, options: InjectOptions = {}) =>
  h.app.inject({
    url: '/api/content',
    ...options,
    headers: { ...keyHeaders(plaintext), ...options.headers },
  });

const asPerson = (person: Person, options: InjectOptions) =>
  h.app.inject({ ...options, headers: { ...sessionHeaders(person), ...options.headers } });

const createConnection = (plaintext: string, workspaceId: string, handle: string) =>
  withKey(plaintext, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/connections`,
    payload: { platform: 'x', handle },
  });

describe('rotation, exactly as the API-keys page describes it', () => {
  it('create new, both work in parallel, delete old: old → 401 "Invalid API key", new → 200', async () => {
    const a = await createKey(h.app, ada, ada.workspaceId, 'Production backend (old)');
    expect((await withKey(a.plaintext)).statusCode).toBe(200);

    const b = await createKey(h.app, ada, ada.workspaceId, 'Production backend (new)');
    const parallel = await Promise.all([
      withKey(a.plaintext),
      withKey(b.plaintext),
      withKey(a.plaintext, { url: '/api/auth/me' }),
      withKey(b.plaintext, { url: '/api/auth/me' }),
    ]);
    expect(parallel.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);

    const del = await asPerson(ada, {
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}/api-keys/${a.key.id}`,
    });
    expect(del.json()).toEqual({ success: true, data: null });

    expect(expectError(await withKey(a.plaintext), 401).error).toBe('Invalid API key');
    expect((await withKey(b.plaintext)).statusCode).toBe(200);
    expect((await listKeys(h.app, ada)).map((k) => k.id)).toEqual([b.key.id]);
  });
});

describe("the creator's membership decides what the key may do", () => {
  let bob: Person;
  beforeEach(async () => {
    bob = await signUp(h.app, 'Bob');
    await addMember(h.app, ada, bob, 'ADMIN');
  });

  it.each([
    ['removed by an OWNER', () => removeMember(h.app, ada, bob.userId)],
    ['leaving on their own', () => removeMember(h.app, bob, bob.userId, ada.workspaceId)],
  ])('creator %s: the key fails as inactive on the very next request', async (_title, remove) => {
    const { plaintext, key } = await createKey(h.app, bob, ada.workspaceId, "Bob's script");
    expect((await withKey(plaintext)).statusCode).toBe(200); // now cached as valid

    expect((await remove()).statusCode).toBe(200);

    const refused = expectError(await withKey(plaintext), 401);
    expect(refused.error).toBe('API key is inactive: its creator is no longer a member of this workspace');
    expect(refused.error).toBe(MESSAGES.inactive);
    expect((await withKey(plaintext, { url: '/api/auth/me' })).statusCode).toBe(401);

    const listed = (await listKeys(h.app, ada)).find((k) => k.id === key.id);
    expect(listed).toMatchObject({ status: 'inactive', roleKey: null });
  });

  it('creator demoted from ADMIN to CONTRIBUTOR: the key loses ADMIN powers at once but still reads', async () => {
    const { plaintext, key } = await createKey(h.app, bob, ada.workspaceId, "Bob's script");
    expect((await createConnection(plaintext, ada.workspaceId, 'before')).statusCode).toBe(201);

    expect((await changeRole(h.app, ada, bob.userId, 'CONTRIBUTOR')).statusCode).toBe(200);

    const refused = expectError(await createConnection(plaintext, ada.workspaceId, 'after'), 403);
    expect(refused.error).toContain('manage connections');
    expect((await withKey(plaintext)).statusCode).toBe(200);
    expect(
      (await withKey(plaintext, { url: `/api/workspaces/${ada.workspaceId}/connections` })).statusCode,
    ).toBe(200);
    const me = await withKey(plaintext, { url: '/api/auth/me' });
    expect(me.json().data.apiKey).toMatchObject({ id: key.id, roleKey: 'CONTRIBUTOR' });
    expect((await listKeys(h.app, ada)).find((k) => k.id === key.id)).toMatchObject({
      status: 'active',
      roleKey: 'CONTRIBUTOR',
    });

    // And promoted back: the powers return just as fast.
    expect((await changeRole(h.app, ada, bob.userId, 'ADMIN')).statusCode).toBe(200);
    expect((await createConnection(plaintext, ada.workspaceId, 'again')).statusCode).toBe(201);
  });

  it('creator re-added to the workspace: the key works again, with the new role', async () => {
    const { plaintext, key } = await createKey(h.app, bob, ada.workspaceId, "Bob's script");
    expect((await removeMember(h.app, ada, bob.userId)).statusCode).toBe(200);
    expect((await withKey(plaintext)).statusCode).toBe(401);

    await addMember(h.app, ada, bob, 'EDITOR');

    expect((await withKey(plaintext)).statusCode).toBe(200);
    const me = await withKey(plaintext, { url: '/api/auth/me' });
    expect(me.json().data.apiKey).toMatchObject({ id: key.id, roleKey: 'EDITOR' });
    expect((await listKeys(h.app, ada)).find((k) => k.id === key.id)).toMatchObject({
      status: 'active',
      roleKey: 'EDITOR',
    });
    expect((await createConnection(plaintext, ada.workspaceId, 'editor')).statusCode).toBe(403);
  });
});

describe('a deleted workspace', () => {
  it('takes its keys with it (401), and leaves the keys of other workspaces alone', async () => {
    const created = await asPerson(ada, {
      method: 'POST',
      url: '/api/workspaces',
      payload: { name: 'Side project' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const side = created.json().data.id as string;
    const sideKey = await createKey(h.app, ada, side, 'Side key');
    const mainKey = await createKey(h.app, ada, ada.workspaceId, 'Main key');
    expect((await withKey(sideKey.plaintext)).statusCode).toBe(200); // now cached as valid

    const del = await asPerson(ada, { method: 'DELETE', url: `/api/workspaces/${side}` });
    expect(del.statusCode, del.body).toBe(200);

    const refused = expectError(await withKey(sideKey.plaintext), 401);
    expect([MESSAGES.unknown, MESSAGES.inactive]).toContain(refused.error);
    expect((await withKey(sideKey.plaintext, { url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await withKey(mainKey.plaintext)).statusCode).toBe(200);
    const rows = await h.db.selectFrom('api_keys').select('id').where('workspace_id', '=', side).execute();
    expect(rows).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../auth/messages.js';
import type { RoleKey } from '../db/tables.js';
import {
  addMember,
  changeRole,
  createKey,
  expectError,
  headersVia,
  keyHeaders,
  type Person,
  removeMember,
  sessionHeaders,
  signUp,
  TickingClock,
  useHarness,
  VIAS,
} from '../test/harness.js';

// A clock that ticks on every read, so members who join one after the other never share a joinedAt.
const h = useHarness(() => ({ clock: new TickingClock() }));

/** Signs up someone new and makes them `role` in `owner`'s workspace (OWNER: invited as ADMIN, then promoted). */
async function join(owner: Person, role: RoleKey, name = `${role} member`): Promise<Person> {
  const person = await signUp(h.app, name);
  await addMember(h.app, owner, person, role === 'OWNER' ? 'ADMIN' : role);
  if (role === 'OWNER') {
    const promote = await changeRole(h.app, owner, person.userId, 'OWNER');
    expect(promote.statusCode).toBe(200);
  }
  return person;
}

async function storedRole(workspaceId: string, userId: string): Promise<RoleKey | undefined> {
  const row = await h.db
    .selectFrom('memberships')
    .select('role_key')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role_key;
}

describe('GET /api/workspaces/:id/members', () => {
  it.each(VIAS)('lists every member in the order they joined, to any member (%s)', async (via) => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await join(ada, 'EDITOR', 'Bob');
    const cy = await join(ada, 'CONTRIBUTOR', 'Cy');

    const response = await h.app.inject({
      url: `/api/workspaces/${ada.workspaceId}/members`,
      headers: await headersVia(h.app, cy, ada.workspaceId, via),
    });
    expect(response.statusCode).toBe(200);
    const members = response.json().data;
    expect(members).toMatchObject([
      { userId: ada.userId, email: ada.email, name: 'Ada', roleKey: 'OWNER' },
      { userId: bob.userId, email: bob.email, name: 'Bob', roleKey: 'EDITOR' },
      { userId: cy.userId, email: cy.email, name: 'Cy', roleKey: 'CONTRIBUTOR' },
    ]);
    for (const member of members) {
      expect(Object.keys(member).sort()).toEqual(['email', 'id', 'joinedAt', 'name', 'roleKey', 'userId']);
      expect(member.id).toMatch(/^mem_/);
    }
    const joined = members.map((m: { joinedAt: string }) => m.joinedAt);
    expect(joined).toEqual([...joined].sort());
  });

  it('answers 404 to a person who is not a member of the workspace', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    const response = await h.app.inject({
      url: `/api/workspaces/${ada.workspaceId}/members`,
      headers: sessionHeaders(eve),
    });
    expect(expectError(response, 404).error).toBe('Workspace not found');
  });
});

describe('PATCH /api/workspaces/:id/members/:userId', () => {
  const cases: [actor: RoleKey, target: RoleKey, to: RoleKey, status: number, permission?: string][] = [
    ['OWNER', 'ADMIN', 'OWNER', 200],
    ['OWNER', 'OWNER', 'EDITOR', 200],
    ['OWNER', 'EDITOR', 'ADMIN', 200],
    ['ADMIN', 'EDITOR', 'CONTRIBUTOR', 200],
    ['ADMIN', 'CONTRIBUTOR', 'ADMIN', 200],
    ['ADMIN', 'EDITOR', 'OWNER', 403, 'owners:manage'],
    ['ADMIN', 'OWNER', 'ADMIN', 403, 'owners:manage'],
    ['EDITOR', 'CONTRIBUTOR', 'EDITOR', 403, 'members:manage'],
    ['CONTRIBUTOR', 'EDITOR', 'CONTRIBUTOR', 403, 'members:manage'],
  ];
  const table = cases.flatMap(([actor, target, to, status, permission]) =>
    VIAS.map((via) => [actor, target, to, status, via, permission] as const),
  );

  it.each(table)(
    '%s changes %s to %s → %i (%s)',
    async (actorRole, targetRole, to, status, via, permission) => {
      const owner = await signUp(h.app, 'Owner');
      const actor = actorRole === 'OWNER' ? owner : await join(owner, actorRole);
      const target = await join(owner, targetRole, 'Target');

      const actorHeaders = await headersVia(h.app, actor, owner.workspaceId, via);
      const response = await changeRole(h.app, actorHeaders, target.userId, to, owner.workspaceId);
      if (status === 200) {
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({
          success: true,
          data: { userId: target.userId, email: target.email, name: 'Target', roleKey: to },
        });
        expect(await storedRole(owner.workspaceId, target.userId)).toBe(to);
      } else {
        expect(expectError(response, status).error).toContain(`"${permission}"`);
        expect(await storedRole(owner.workspaceId, target.userId)).toBe(targetRole);
      }
    },
  );

  it.each(VIAS)('never demotes the last OWNER (%s)', async (via) => {
    const ada = await signUp(h.app, 'Ada');
    const adaHeaders = await headersVia(h.app, ada, ada.workspaceId, via);
    const response = await changeRole(h.app, adaHeaders, ada.userId, 'ADMIN', ada.workspaceId);
    expect(expectError(response, 409).error).toBe(
      'Cannot change the role of the last OWNER: a workspace must keep at least one OWNER; make another member OWNER first',
    );
    expect(await storedRole(ada.workspaceId, ada.userId)).toBe('OWNER');
  });

  it('lets an OWNER step down while another OWNER remains, then protects the one left', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await join(ada, 'OWNER', 'Bob');
    expect((await changeRole(h.app, bob, bob.userId, 'ADMIN', ada.workspaceId)).statusCode).toBe(200);
    expectError(await changeRole(h.app, ada, ada.userId, 'EDITOR'), 409);
    expect(await storedRole(ada.workspaceId, ada.userId)).toBe('OWNER');
  });

  it('answers 404 for someone who is not a member of this workspace, even a member of another', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    for (const userId of [eve.userId, 'usr_unknown', 'a\u0000b']) {
      const response = await changeRole(h.app, ada, encodeURIComponent(userId), 'EDITOR');
      expect(expectError(response, 404).error).toBe(`Member ${userId} not found`);
    }
    expect(await storedRole(eve.workspaceId, eve.userId)).toBe('OWNER');
  });

  it.each([
    [{ roleKey: 'KING' }, ['roleKey must be one of: OWNER, ADMIN, EDITOR, CONTRIBUTOR']],
    [{}, ['roleKey is required']],
    [{ roleKey: 'EDITOR', extra: 1 }, ['property extra should not exist']],
  ])('rejects the body %j with a readable message', async (payload, messages) => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await join(ada, 'EDITOR');
    const response = await h.app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${ada.workspaceId}/members/${bob.userId}`,
      headers: sessionHeaders(ada),
      payload,
    });
    expect(expectError(response, 400).error).toEqual(messages);
  });

  it("takes a demoted ADMIN's key's permissions away on the very next request", async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await join(ada, 'ADMIN', 'Bob');
    const bobKey = keyHeaders((await createKey(h.app, bob, ada.workspaceId)).plaintext);
    const invitations = `/api/workspaces/${ada.workspaceId}/invitations`;
    // Used once as ADMIN, so the role is cached.
    expect((await h.app.inject({ url: invitations, headers: bobKey })).statusCode).toBe(200);

    expect((await changeRole(h.app, ada, bob.userId, 'EDITOR')).statusCode).toBe(200);

    const list = await h.app.inject({ url: invitations, headers: bobKey });
    expect(expectError(list, 403).error).toBe(
      'Your role EDITOR does not have the permission "members:manage" (manage members and invitations)',
    );
    const invite = await h.app.inject({
      method: 'POST',
      url: invitations,
      headers: bobKey,
      payload: { email: 'new@example.com', roleKey: 'EDITOR' },
    });
    expect(expectError(invite, 403).error).toContain('"members:manage"');
  });
});

describe('DELETE /api/workspaces/:id/members/:userId', () => {
  const cases: [actor: RoleKey, target: RoleKey, status: number, permission?: string][] = [
    ['OWNER', 'OWNER', 200],
    ['OWNER', 'ADMIN', 200],
    ['ADMIN', 'ADMIN', 200],
    ['ADMIN', 'CONTRIBUTOR', 200],
    ['ADMIN', 'OWNER', 403, 'owners:manage'],
    ['EDITOR', 'CONTRIBUTOR', 403, 'members:manage'],
    ['CONTRIBUTOR', 'EDITOR', 403, 'members:manage'],
  ];
  const table = cases.flatMap(([actor, target, status, permission]) =>
    VIAS.map((via) => [actor, target, status, via, permission] as const),
  );

  it.each(table)('%s removes %s → %i (%s)', async (actorRole, targetRole, status, via, permission) => {
    const owner = await signUp(h.app, 'Owner');
    const actor = actorRole === 'OWNER' ? owner : await join(owner, actorRole);
    const target = await join(owner, targetRole, 'Target');

    const actorHeaders = await headersVia(h.app, actor, owner.workspaceId, via);
    const response = await removeMember(h.app, actorHeaders, target.userId, owner.workspaceId);
    if (status === 200) {
      expect(response.json()).toEqual({ success: true, data: null });
      expect(await storedRole(owner.workspaceId, target.userId)).toBeUndefined();
    } else {
      expect(expectError(response, status).error).toContain(`"${permission}"`);
      expect(await storedRole(owner.workspaceId, target.userId)).toBe(targetRole);
    }
  });

  const selfCases = (['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const).flatMap((role) =>
    VIAS.map((via) => [role, via] as const),
  );
  it.each(selfCases)('lets a %s remove themself (%s)', async (role, via) => {
    const owner = await signUp(h.app, 'Owner');
    const member = await join(owner, role, 'Leaver');
    const memberHeaders = await headersVia(h.app, member, owner.workspaceId, via);
    const response = await removeMember(h.app, memberHeaders, member.userId, owner.workspaceId);
    expect(response.json()).toEqual({ success: true, data: null });
    expect(await storedRole(owner.workspaceId, member.userId)).toBeUndefined();
    const after = await h.app.inject({
      url: `/api/workspaces/${owner.workspaceId}/members`,
      headers: sessionHeaders(member),
    });
    expectError(after, 404);
  });

  it.each(VIAS)('never removes the last OWNER (%s)', async (via) => {
    const ada = await signUp(h.app, 'Ada');
    const adaHeaders = await headersVia(h.app, ada, ada.workspaceId, via);
    const response = await removeMember(h.app, adaHeaders, ada.userId, ada.workspaceId);
    expect(expectError(response, 409).error).toBe(
      'Cannot remove the last OWNER: a workspace must keep at least one OWNER; make another member OWNER first, or delete the workspace',
    );
    expect(await storedRole(ada.workspaceId, ada.userId)).toBe('OWNER');
  });

  it('answers 404 for someone who is not a member of this workspace', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    const response = await removeMember(h.app, ada, eve.userId);
    expect(expectError(response, 404).error).toBe(`Member ${eve.userId} not found`);
    expect(await storedRole(eve.workspaceId, eve.userId)).toBe('OWNER');
  });

  it("keeps a removed member's key, which then fails as inactive and is listed as inactive", async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await join(ada, 'EDITOR', 'Bob');
    const { plaintext, key } = await createKey(h.app, bob, ada.workspaceId);
    const members = `/api/workspaces/${ada.workspaceId}/members`;
    // Used once, so the key and Bob's role are cached.
    expect((await h.app.inject({ url: members, headers: keyHeaders(plaintext) })).statusCode).toBe(200);

    expect((await removeMember(h.app, ada, bob.userId)).statusCode).toBe(200);

    const next = await h.app.inject({ url: members, headers: keyHeaders(plaintext) });
    expect(expectError(next, 401).error).toBe(MESSAGES.inactive);
    const keys = await h.app.inject({
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: sessionHeaders(ada),
    });
    expect(keys.json().data).toEqual([
      expect.objectContaining({ id: key.id, status: 'inactive', roleKey: null }),
    ]);
    const stored = await h.db.selectFrom('api_keys').select('id').where('id', '=', key.id).execute();
    expect(stored).toHaveLength(1);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../db/database.js';
import type { RoleKey } from '../db/tables.js';
import { newId } from '../ids.js';
import {
  addMember,
  createKey,
  expectError,
  headersVia,
  keyHeaders,
  type Person,
  sessionHeaders,
  signUp,
  useHarness,
  VIAS,
} from '../test/harness.js';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60_000;

const h = useHarness();

const invite = (headers: Record<string, string>, workspaceId: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/workspaces/${workspaceId}/invitations`, headers, payload });

const listInvitations = (headers: Record<string, string>, workspaceId: string) =>
  h.app.inject({ url: `/api/workspaces/${workspaceId}/invitations`, headers });

const accept = (person: Person, token: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: sessionHeaders(person),
    payload: { token },
  });

/** Invites `email` into `owner`'s workspace as `roleKey`; returns the create response's data. */
async function inviteOk(owner: Person, email: string, roleKey: RoleKey = 'EDITOR') {
  const response = await invite(sessionHeaders(owner), owner.workspaceId, { email, roleKey });
  expect(response.statusCode).toBe(201);
  return response.json().data as { id: string; email: string; token: string };
}

const invitationRows = (workspaceId: string) =>
  h.db.selectFrom('invitations').selectAll().where('workspace_id', '=', workspaceId).execute();

describe('POST /api/workspaces/:id/invitations', () => {
  it('creates an invitation whose token appears only in this response', async () => {
    const ada = await signUp(h.app, 'Ada');
    const response = await invite(sessionHeaders(ada), ada.workspaceId, {
      email: '  Bob@Example.COM ',
      roleKey: 'CONTRIBUTOR',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json().data;
    expect(Object.keys(created).sort()).toEqual([
      'createdAt',
      'email',
      'expiresAt',
      'id',
      'roleKey',
      'token',
    ]);
    expect(created).toMatchObject({ email: 'bob@example.com', roleKey: 'CONTRIBUTOR' });
    expect(created.id).toMatch(/^inv_/);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(SEVEN_DAYS_MS);

    const [row] = await invitationRows(ada.workspaceId);
    expect(row).toMatchObject({ id: created.id, email: 'bob@example.com', invited_by_user_id: ada.userId });
    expect(row!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await listInvitations(sessionHeaders(ada), ada.workspaceId);
    expect(list.body).not.toContain(created.token);
    const { token: _token, ...withoutToken } = created;
    expect(list.json()).toEqual({ success: true, data: [withoutToken] });
    expect(h.logs.join('')).not.toContain(created.token);
  });

  it.each([
    [{ email: 'bob@example.com', roleKey: 'OWNER' }, ['roleKey must be one of: ADMIN, EDITOR, CONTRIBUTOR']],
    [{ email: 'not an email', roleKey: 'EDITOR' }, ['email must be an email address, e.g. ada@example.com']],
    [
      { email: 'bob\u0000@example.com', roleKey: 'EDITOR' },
      ['email must be an email address, e.g. ada@example.com'],
    ],
    [{ roleKey: 'EDITOR' }, ['email is required']],
    [{ email: 'bob@example.com', roleKey: 'EDITOR', note: 'hi' }, ['property note should not exist']],
  ])('rejects %j with a readable message', async (payload, messages) => {
    const ada = await signUp(h.app, 'Ada');
    const response = await invite(sessionHeaders(ada), ada.workspaceId, payload);
    expect(expectError(response, 400).error).toEqual(messages);
    expect(await invitationRows(ada.workspaceId)).toEqual([]);
  });

  it('refuses to invite someone who is already a member', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    await addMember(h.app, ada, bob, 'EDITOR');
    const response = await invite(sessionHeaders(ada), ada.workspaceId, {
      email: bob.email.toUpperCase(),
      roleKey: 'ADMIN',
    });
    expect(expectError(response, 409).error).toBe(
      `${bob.email} is already a member of this workspace; change their role instead`,
    );
  });

  it('replaces a pending invitation for the same email: only the newest token works', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const first = await inviteOk(ada, bob.email, 'EDITOR');
    const second = await inviteOk(ada, bob.email, 'ADMIN');

    const list = await listInvitations(sessionHeaders(ada), ada.workspaceId);
    expect(list.json().data).toEqual([expect.objectContaining({ id: second.id, roleKey: 'ADMIN' })]);
    expect(expectError(await accept(bob, first.token), 404).error).toBe('Invitation not found');
    expect((await accept(bob, second.token)).json().data).toMatchObject({ roleKey: 'ADMIN' });
  });

  it('two invitations for the same email at once leave one, and only its token works', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const both = await Promise.all([inviteOk(ada, bob.email, 'EDITOR'), inviteOk(ada, bob.email, 'ADMIN')]);
    const rows = await invitationRows(ada.workspaceId);
    expect(rows).toHaveLength(1);
    const kept = both.find((created) => created.id === rows[0]!.id)!;
    const replaced = both.find((created) => created !== kept)!;
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(kept.token).digest('hex'));
    expectError(await accept(bob, replaced.token), 404);
    expect((await accept(bob, kept.token)).statusCode).toBe(201);
  });

  it('is backed by the database: a second pending invitation for an email cannot be stored', async () => {
    const ada = await signUp(h.app, 'Ada');
    await inviteOk(ada, 'bob@example.com');
    const [row] = await invitationRows(ada.workspaceId);
    const copy = { ...row!, id: newId('inv'), token_hash: 'another' };
    const error = await h.db
      .insertInto('invitations')
      .values(copy)
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error), String(error)).toBe(true);
  });

  it('clears the expired invitations of the workspace, and only those', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    const expired = await inviteOk(ada, 'old@example.com');
    const pending = await inviteOk(ada, 'pending@example.com');
    const elsewhere = await inviteOk(eve, 'old@example.com');
    await h.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', 'in', [expired.id, elsewhere.id])
      .execute();

    const fresh = await inviteOk(ada, 'new@example.com');
    const ids = (await invitationRows(ada.workspaceId)).map((row) => row.id).sort();
    expect(ids).toEqual([pending.id, fresh.id].sort());
    // Another workspace's are left to that workspace's next invitation.
    expect((await invitationRows(eve.workspaceId)).map((row) => row.id)).toEqual([elsewhere.id]);
  });

  it('refuses OWNER from any caller of the service, as a validation failure', async () => {
    const ada = await signUp(h.app, 'Ada');
    const actor = {
      userId: ada.userId,
      workspaceId: ada.workspaceId,
      roleKey: 'OWNER',
      apiKeyId: null,
    } as const;
    const error = await h.app.socifyr.services.invitations
      .create(actor, { email: 'bob@example.com', roleKey: 'OWNER' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation',
      statusCode: 400,
      detail: ['roleKey must be one of: ADMIN, EDITOR, CONTRIBUTOR'],
    });
    expect(await invitationRows(ada.workspaceId)).toEqual([]);
  });
});

describe('who may manage invitations', () => {
  const table = (['ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const).flatMap((role) =>
    VIAS.map((via) => [role, via, role === 'ADMIN'] as const),
  );

  it.each(table)('%s (%s) may create, list and delete: %s', async (role, via, allowed) => {
    const owner = await signUp(h.app, 'Owner');
    const actor = await signUp(h.app, 'Actor');
    await addMember(h.app, owner, actor, role);
    const pending = await inviteOk(owner, 'pending@example.com');
    const headers = await headersVia(h.app, actor, owner.workspaceId, via);

    const create = await invite(headers, owner.workspaceId, { email: 'new@example.com', roleKey: 'EDITOR' });
    const list = await listInvitations(headers, owner.workspaceId);
    const remove = await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${owner.workspaceId}/invitations/${pending.id}`,
      headers,
    });

    if (allowed) {
      expect([create.statusCode, list.statusCode, remove.statusCode]).toEqual([201, 200, 200]);
      expect(list.json().data).toHaveLength(2);
    } else {
      const denied = `Your role ${role} does not have the permission "members:manage" (manage members and invitations)`;
      for (const response of [create, list, remove]) expect(expectError(response, 403).error).toBe(denied);
      expect((await invitationRows(owner.workspaceId)).map((r) => r.id)).toEqual([pending.id]);
    }
  });
});

describe('GET /api/workspaces/:id/invitations', () => {
  it('lists only pending invitations, oldest first', async () => {
    const ada = await signUp(h.app, 'Ada');
    const old = await inviteOk(ada, 'old@example.com');
    const fresh = await inviteOk(ada, 'fresh@example.com');
    await h.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', old.id)
      .execute();
    const list = await listInvitations(sessionHeaders(ada), ada.workspaceId);
    expect(list.json().data.map((i: { id: string }) => i.id)).toEqual([fresh.id]);
  });
});

describe('DELETE /api/workspaces/:id/invitations/:invitationId', () => {
  it('withdraws an invitation so its token no longer works', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { id, token } = await inviteOk(ada, bob.email);
    const url = `/api/workspaces/${ada.workspaceId}/invitations/${id}`;
    const del = await h.app.inject({ method: 'DELETE', url, headers: sessionHeaders(ada) });
    expect(del.json()).toEqual({ success: true, data: null });
    expect(await invitationRows(ada.workspaceId)).toEqual([]);
    expectError(await accept(bob, token), 404);
    const again = await h.app.inject({ method: 'DELETE', url, headers: sessionHeaders(ada) });
    expect(expectError(again, 404).error).toBe(`Invitation ${id} not found`);
    const garbage = await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}/invitations/a%00b`,
      headers: sessionHeaders(ada),
    });
    expect(expectError(garbage, 404).error).toBe('Invitation a\u0000b not found');
  });

  it("answers 404 for another workspace's invitation and leaves it alone", async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    const theirs = await inviteOk(eve, 'someone@example.com');
    const response = await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}/invitations/${theirs.id}`,
      headers: sessionHeaders(ada),
    });
    expect(expectError(response, 404).error).toBe(`Invitation ${theirs.id} not found`);
    expect(await invitationRows(eve.workspaceId)).toHaveLength(1);
  });
});

describe('POST /api/invitations/accept', () => {
  it('makes the signed-in invitee a member at once and uses the invitation up', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const workspaceUrl = `/api/workspaces/${ada.workspaceId}`;
    // Bob looks before joining, so "not a member" is what the server has cached about him.
    expectError(await h.app.inject({ url: workspaceUrl, headers: sessionHeaders(bob) }), 404);
    const { token } = await inviteOk(ada, bob.email, 'EDITOR');

    const response = await accept(bob, token);
    expect(response.statusCode, response.body).toBe(201);
    const member = response.json().data;
    expect(member).toMatchObject({ userId: bob.userId, email: bob.email, name: 'Bob', roleKey: 'EDITOR' });
    expect(member.id).toMatch(/^mem_/);
    expect(Object.keys(member).sort()).toEqual(['email', 'id', 'joinedAt', 'name', 'roleKey', 'userId']);

    expect((await h.app.inject({ url: workspaceUrl, headers: sessionHeaders(bob) })).statusCode).toBe(200);
    const members = await h.app.inject({ url: `${workspaceUrl}/members`, headers: sessionHeaders(ada) });
    expect(members.json().data).toContainEqual(member);
    expect(await invitationRows(ada.workspaceId)).toEqual([]);
    expectError(await accept(bob, token), 404);
  });

  it('refuses a person signed in with another email, naming the invited email', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { token } = await inviteOk(ada, 'carol@example.com');
    expect(expectError(await accept(bob, token), 403).error).toBe(
      'This invitation is for carol@example.com; sign in as carol@example.com to accept it',
    );
    expect(await invitationRows(ada.workspaceId)).toHaveLength(1);
  });

  it('refuses an expired invitation', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { id, token } = await inviteOk(ada, bob.email);
    await h.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(expectError(await accept(bob, token), 400).error).toBe(
      'Invitation has expired; ask an admin for a new one',
    );
  });

  it('answers 404 for an unknown token', async () => {
    const bob = await signUp(h.app, 'Bob');
    expect(expectError(await accept(bob, 'no-such-token'), 404).error).toBe('Invitation not found');
  });

  it('answers 409 when the invitee is already a member', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { token } = await inviteOk(ada, bob.email);
    // Bob joined meanwhile by another way (stored directly: the API refuses to invite members).
    await h.db
      .insertInto('memberships')
      .values({
        id: 'mem_direct',
        workspace_id: ada.workspaceId,
        user_id: bob.userId,
        role_key: 'CONTRIBUTOR',
        joined_at: new Date().toISOString(),
      })
      .execute();
    expect(expectError(await accept(bob, token), 409).error).toBe(
      'You are already a member of this workspace',
    );
  });

  it('is for signed-in people only', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { token } = await inviteOk(ada, bob.email);
    const { plaintext } = await createKey(h.app, bob);
    const withKey = await h.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: keyHeaders(plaintext),
      payload: { token },
    });
    expect(expectError(withKey, 403).error).toBe(
      'This action needs a signed-in person; API keys cannot perform it',
    );
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token },
    });
    expectError(anonymous, 401);
    expect(await invitationRows(ada.workspaceId)).toHaveLength(1);
  });
});

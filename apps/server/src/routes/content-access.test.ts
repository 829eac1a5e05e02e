/** Who may do what to content (the role table of API.md), and isolation between workspaces. */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RoleKey } from '../db/tables.js';
import {
  actingIn,
  addMember,
  createKey,
  expectError,
  type Headers,
  keyHeaders,
  sessionHeaders,
  signUp,
} from '../test/harness.js';
import { FUTURE, useContentHarness } from './content.fixture.js';

const MANAGE_ANY_DENIED =
  'Your role CONTRIBUTOR does not have the permission "content:manage-any" (edit, schedule, archive or delete any content); without it you may change only your own drafts';
const SCHEDULE_DENIED =
  'Your role CONTRIBUTOR cannot schedule content (that needs the permission "content:manage-any"); leave out scheduledAt to save a draft';

const { h, clock, connect, postId } = useContentHarness();

/** Creates a post (a draft to x-brand unless `payload` says otherwise); returns its id. */
const newPost = (headers: Headers, payload: Record<string, unknown> = {}) =>
  postId(headers, { connections: ['x-brand'], text: 'Draft', ...payload });

/** The four ways to change a post, as one caller. */
function changes(headers: Headers) {
  return {
    edit: (id: string, payload: Record<string, unknown> = { text: 'Edited' }) =>
      h.app.inject({ method: 'PATCH', url: `/api/content/${id}`, headers, payload }),
    archive: (id: string) => h.app.inject({ method: 'POST', url: `/api/content/${id}/archive`, headers }),
    remove: (id: string) => h.app.inject({ method: 'DELETE', url: `/api/content/${id}`, headers }),
    read: (id: string) => h.app.inject({ url: `/api/content/${id}`, headers }),
  };
}

const statusOf = async (id: string) =>
  (await h.db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirst())?.status;

/** An owner with a connection, and `member` added with `role` (through invitations). */
async function team(role: Exclude<RoleKey, 'OWNER'>) {
  const owner = await signUp(h.app, 'Owner');
  await connect(owner);
  const member = await signUp(h.app, role);
  await addMember(h.app, owner, member, role);
  return { owner, member, memberHeaders: actingIn(member, owner.workspaceId) };
}

describe('content: roles that manage any content', () => {
  it.each<RoleKey>(['OWNER', 'ADMIN', 'EDITOR'])(
    "%s edits, schedules, archives and deletes someone else's post",
    async (role) => {
      const owner = await signUp(h.app, 'Owner');
      await connect(owner);
      const author = await signUp(h.app, 'Author');
      await addMember(h.app, owner, author, 'CONTRIBUTOR');
      let actor = owner;
      if (role !== 'OWNER') {
        actor = await signUp(h.app, role);
        await addMember(h.app, owner, actor, role);
      }
      const { plaintext } = await createKey(h.app, actor, owner.workspaceId);
      const theirs = await newPost(actingIn(author, owner.workspaceId));
      const other = await newPost(actingIn(author, owner.workspaceId));

      // Through a session and through the actor's own key: both act with the actor's role.
      for (const headers of [actingIn(actor, owner.workspaceId), keyHeaders(plaintext)]) {
        const as = changes(headers);
        expect((await as.edit(theirs)).json().data).toMatchObject({ text: 'Edited', status: 'draft' });
        expect((await as.edit(theirs, { scheduledAt: FUTURE })).json().data).toMatchObject({
          status: 'scheduled',
          scheduledAt: FUTURE,
        });
        expect((await as.edit(theirs, { scheduledAt: null })).json().data.status).toBe('draft');
      }
      const as = changes(keyHeaders(plaintext));
      expect((await as.archive(theirs)).json().data.status).toBe('archived');
      expect((await as.remove(other)).json()).toEqual({ success: true, data: null });
      expect(await statusOf(other)).toBeUndefined();
    },
  );
});

describe('content: CONTRIBUTOR', () => {
  it('creates drafts but never schedules', async () => {
    const { memberHeaders } = await team('CONTRIBUTOR');
    const id = await newPost(memberHeaders);
    expect(await statusOf(id)).toBe('draft');

    clock.advance(1000);
    const scheduled = await h.app.inject({
      method: 'POST',
      url: '/api/content/text',
      headers: memberHeaders,
      payload: { connections: ['x-brand'], text: 'Now!', scheduledAt: FUTURE },
    });
    expect(expectError(scheduled, 403).error).toBe(SCHEDULE_DENIED);

    const as = changes(memberHeaders);
    expect(expectError(await as.edit(id, { scheduledAt: FUTURE }), 403).error).toBe(SCHEDULE_DENIED);
    expect(await statusOf(id)).toBe('draft');
    // Unscheduling a draft changes nothing a contributor may not do.
    expect((await as.edit(id, { scheduledAt: null, text: 'Mine' })).json().data).toMatchObject({
      text: 'Mine',
      status: 'draft',
    });
  });

  it('changes only their own drafts', async () => {
    const { owner, member, memberHeaders } = await team('CONTRIBUTOR');
    const others = await newPost(sessionHeaders(owner));
    const own = await newPost(memberHeaders);
    const as = changes(memberHeaders);

    // Reading is for every member, whoever wrote the post.
    expect((await as.read(others)).json().data.createdBy.userId).toBe(owner.userId);
    expect(expectError(await as.edit(others), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(expectError(await as.archive(others), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(expectError(await as.remove(others), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(await statusOf(others)).toBe('draft');

    expect((await as.edit(own)).json().data).toMatchObject({
      text: 'Edited',
      createdBy: { userId: member.userId },
    });

    // Once an editor schedules it, it is no longer a draft: out of the contributor's hands.
    await changes(sessionHeaders(owner)).edit(own, { scheduledAt: FUTURE });
    expect(expectError(await as.edit(own), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(expectError(await as.archive(own), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(expectError(await as.remove(own), 403).error).toBe(MANAGE_ANY_DENIED);
  });

  it('archives their own draft (idempotently) and deletes their own draft', async () => {
    const { memberHeaders } = await team('CONTRIBUTOR');
    const as = changes(memberHeaders);
    const toArchive = await newPost(memberHeaders);
    expect((await as.archive(toArchive)).json().data.status).toBe('archived');
    expect((await as.archive(toArchive)).json().data.status).toBe('archived');
    // An archived post is not a draft any more; deleting it takes 'content:manage-any'.
    expect(expectError(await as.remove(toArchive), 403).error).toBe(MANAGE_ANY_DENIED);

    const toDelete = await newPost(memberHeaders);
    expect((await as.remove(toDelete)).json()).toEqual({ success: true, data: null });
    expect(await statusOf(toDelete)).toBeUndefined();
  });

  it('is held to the same rules through an API key', async () => {
    const { owner, member } = await team('CONTRIBUTOR');
    const { plaintext, key } = await createKey(h.app, member, owner.workspaceId);
    const headers = keyHeaders(plaintext, owner.workspaceId);
    const others = await newPost(sessionHeaders(owner));
    const own = await newPost(headers);

    const as = changes(headers);
    expect((await as.read(own)).json().data.createdBy).toEqual({ userId: member.userId, apiKeyId: key.id });
    expect(expectError(await as.remove(others), 403).error).toBe(MANAGE_ANY_DENIED);
    expect(expectError(await as.edit(own, { scheduledAt: FUTURE }), 403).error).toBe(SCHEDULE_DENIED);
    expect((await as.edit(own)).statusCode).toBe(200);
  });
});

describe('content: isolation between workspaces', () => {
  it("answers 404 for another workspace's post, through a session and through a key", async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    await connect(ada);
    await connect(eve);
    const eves = await newPost(sessionHeaders(eve), { text: 'Secret' });
    const { plaintext } = await createKey(h.app, ada);

    for (const headers of [
      sessionHeaders(ada),
      keyHeaders(plaintext),
      keyHeaders(plaintext, ada.workspaceId),
    ]) {
      const as = changes(headers);
      const responses: LightMyRequestResponse[] = [
        await as.read(eves),
        await as.edit(eves),
        await as.archive(eves),
        await as.remove(eves),
      ];
      for (const response of responses) {
        expect(expectError(response, 404).error).toBe('Post not found');
        expect(response.body).not.toContain('Secret');
      }
      const listed = await h.app.inject({ url: '/api/content', headers });
      expect(listed.json().data).toMatchObject({ results: [], total: 0 });
    }
    expect(await h.db.selectFrom('posts').select(['text', 'status']).execute()).toEqual([
      { text: 'Secret', status: 'draft' },
    ]);
  });

  it('refuses to act in a workspace the caller does not belong to, and ignores its connections', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    await connect(eve, 'eve');
    const { plaintext } = await createKey(h.app, ada);

    const bySession = await h.app.inject({ url: '/api/content', headers: actingIn(ada, eve.workspaceId) });
    expect(expectError(bySession, 404).error).toBe('Workspace not found');
    const byKey = await h.app.inject({
      url: '/api/content',
      headers: keyHeaders(plaintext, eve.workspaceId),
    });
    expectError(byKey, 403);

    const borrowed = await h.app.inject({
      method: 'POST',
      url: '/api/content/text',
      headers: keyHeaders(plaintext),
      payload: { connections: ['x-eve'], text: 'Hi' },
    });
    expect(expectError(borrowed, 400).error).toEqual(['Connection "x-eve" not found']);
  });

  it('lets a member of two workspaces choose one with X-Workspace-Id', async () => {
    const ada = await signUp(h.app, 'Ada');
    const eve = await signUp(h.app, 'Eve');
    await connect(ada);
    await connect(eve);
    // Joined a second later, so Ada's own workspace stays her first.
    clock.advance(1000);
    await addMember(h.app, eve, ada, 'EDITOR');
    await newPost(sessionHeaders(ada), { text: "In Ada's" });
    await newPost(actingIn(ada, eve.workspaceId), { text: "In Eve's" });

    const texts = async (headers: Headers) =>
      (await h.app.inject({ url: '/api/content', headers }))
        .json()
        .data.results.map((p: { text: string }) => p.text);
    // Without the header, a person acts in the first workspace they joined: their own.
    expect(await texts(sessionHeaders(ada))).toEqual(["In Ada's"]);
    expect(await texts(actingIn(ada, eve.workspaceId))).toEqual(["In Eve's"]);
    expect(await texts(sessionHeaders(eve))).toEqual(["In Eve's"]);
  });
});

import { describe, expect, it } from 'vitest';
import { createKey, expectError, keyHeaders, sessionHeaders, signUp } from '../test/harness.js';
import { FUTURE, useContentHarness } from './content.fixture.js';

const { h, clock, connect, createPost, postId } = useContentHarness();

describe('content: create and read', () => {
  it('creates a draft through a session and reads it back', async () => {
    const ada = await signUp(h.app, 'Ada');
    const slug = await connect(ada, 'brand');
    const created = await createPost(sessionHeaders(ada), { connections: [slug], text: 'Hello, world ' });
    expect(created.statusCode).toBe(201);
    const post = created.json().data;
    expect(post).toEqual({
      id: expect.stringMatching(/^post_[0-9a-f]{28}$/),
      text: 'Hello, world ',
      connections: ['x-brand'],
      status: 'draft',
      scheduledAt: null,
      createdBy: { userId: ada.userId, apiKeyId: null },
      createdAt: '2030-01-01T00:00:01.000Z',
      updatedAt: '2030-01-01T00:00:01.000Z',
    });
    const stored = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      workspace_id: ada.workspaceId,
      connections: '["x-brand"]',
      status: 'draft',
    });

    const read = await h.app.inject({ url: `/api/content/${post.id}`, headers: sessionHeaders(ada) });
    expect(read.json()).toEqual({ success: true, data: post });
  });

  it('creates a scheduled post through an API key, normalising the time to UTC', async () => {
    const ada = await signUp(h.app, 'Ada');
    const slugs = [await connect(ada, 'brand'), await connect(ada, 'brand', 'linkedin')];
    const { plaintext, key } = await createKey(h.app, ada);
    const created = await createPost(keyHeaders(plaintext, ada.workspaceId), {
      connections: slugs,
      text: 'Launch day',
      scheduledAt: '2030-02-01T11:00:00+02:00',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({
      connections: ['x-brand', 'linkedin-brand'],
      status: 'scheduled',
      scheduledAt: FUTURE,
      createdBy: { userId: ada.userId, apiKeyId: key.id },
    });
    const stored = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ created_by_api_key_id: key.id, scheduled_at: FUTURE });
  });

  it('answers 404 "Post not found" for an unknown post', async () => {
    const ada = await signUp(h.app, 'Ada');
    const url = '/api/content/post_0000000000000000000000000000';
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const payload = method === 'PATCH' ? { text: 'x' } : undefined;
      const response = await h.app.inject({ method, url, headers: sessionHeaders(ada), payload });
      expect(expectError(response, 404).error).toBe('Post not found');
    }
    const archive = await h.app.inject({
      method: 'POST',
      url: `${url}/archive`,
      headers: sessionHeaders(ada),
    });
    expect(expectError(archive, 404).error).toBe('Post not found');
  });

  it.each([
    ['not a post id', '/api/content/key_0000000000000000000000000000'],
    ['a null byte', '/api/content/post_%00'],
    ['too long', `/api/content/post_${'0'.repeat(90)}`],
  ])('answers 404 for a path id that is %s', async (_case, url) => {
    const ada = await signUp(h.app, 'Ada');
    const response = await h.app.inject({ url, headers: sessionHeaders(ada) });
    expect(expectError(response, 404).error).toBe('Post not found');
  });
});

describe('content: create validation', () => {
  const long = 'a'.repeat(10_001);
  it.each<[string, Record<string, unknown> | string, string[]]>([
    [
      'an unknown slug',
      { connections: ['x-brand', 'x-nobody'], text: 'Hi' },
      ['Connection "x-nobody" not found'],
    ],
    [
      'several unknown slugs',
      { connections: ['ig-brand', 'x-nobody'], text: 'Hi' },
      ['Connection "ig-brand" not found', 'Connection "x-nobody" not found'],
    ],
    [
      'an unknown slug and a past time, at once',
      { connections: ['x-nobody'], text: 'Hi', scheduledAt: '2029-12-31T23:59:59Z' },
      ['Connection "x-nobody" not found', 'scheduledAt must be in the future'],
    ],
    ['empty connections', { connections: [], text: 'Hi' }, ['connections should not be empty']],
    [
      'connections that is not an array',
      { connections: 'x-brand', text: 'Hi' },
      ['connections must be an array'],
    ],
    ['a slug that is not a string', { connections: [42], text: 'Hi' }, ['connections[0] must be a string']],
    [
      'a slug named twice',
      { connections: ['x-brand', 'x-brand'], text: 'Hi' },
      ['connections must not contain duplicates'],
    ],
    [
      'over 50 connections',
      { connections: Array.from({ length: 51 }, (_, i) => `x-${i}`), text: 'Hi' },
      ['connections must contain at most 50 items'],
    ],
    ['missing connections', { text: 'Hi' }, ['connections is required']],
    ['missing text', { connections: ['x-brand'] }, ['text is required']],
    ['empty text', { connections: ['x-brand'], text: '' }, ['text should not be empty']],
    ['blank text', { connections: ['x-brand'], text: ' \n ' }, ['text should not be blank']],
    [
      'text over 10 000 characters',
      { connections: ['x-brand'], text: long },
      ['text must be at most 10000 characters'],
    ],
    ['text that is not a string', { connections: ['x-brand'], text: 7 }, ['text must be a string']],
    [
      'a scheduledAt in the past',
      { connections: ['x-brand'], text: 'Hi', scheduledAt: '2029-12-31T23:59:59Z' },
      ['scheduledAt must be in the future'],
    ],
    [
      'a scheduledAt of right now',
      { connections: ['x-brand'], text: 'Hi', scheduledAt: '2030-01-01T00:00:01Z' },
      ['scheduledAt must be in the future'],
    ],
    [
      'a scheduledAt that is not a date-time',
      { connections: ['x-brand'], text: 'Hi', scheduledAt: 'tomorrow' },
      ['scheduledAt must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T09:00:00Z'],
    ],
    [
      'a scheduledAt without a time zone',
      { connections: ['x-brand'], text: 'Hi', scheduledAt: '2030-02-01T09:00:00' },
      ['scheduledAt must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T09:00:00Z'],
    ],
    [
      'a null scheduledAt',
      { connections: ['x-brand'], text: 'Hi', scheduledAt: null },
      ['scheduledAt must be a string'],
    ],
    [
      'an unknown field',
      { connections: ['x-brand'], text: 'Hi', title: 'T' },
      ['property title should not exist'],
    ],
    [
      'text with a null character',
      { connections: ['x-brand'], text: 'a\u0000b' },
      ['text must be valid Unicode text without null characters (\\u0000)'],
    ],
    [
      'text with a lone UTF-16 surrogate',
      { connections: ['x-brand'], text: 'bad \uD800 text' },
      ['text must be valid Unicode text without null characters (\\u0000)'],
    ],
    [
      'a slug with a null character',
      { connections: ['x-brand\u0000'], text: 'Hi' },
      ['Connection "x-brand\u0000" not found'],
    ],
    ['a body that is not an object', '["x-brand"]', ['request body must be a JSON object']],
  ])('rejects %s', async (_case, payload, expected) => {
    const ada = await signUp(h.app, 'Ada');
    await connect(ada, 'brand');
    const response = await createPost(
      { ...sessionHeaders(ada), 'content-type': 'application/json' },
      payload as Record<string, unknown>,
    );
    expect(expectError(response, 400).error).toEqual(expected);
    expect(await h.db.selectFrom('posts').select('id').execute()).toEqual([]);
  });
});

describe('content: edit, archive, delete', () => {
  it('edits text and connections, schedules and unschedules', async () => {
    const ada = await signUp(h.app, 'Ada');
    const [x, li] = [await connect(ada, 'brand'), await connect(ada, 'brand', 'linkedin')];
    const id = await postId(sessionHeaders(ada), { connections: [x], text: 'Draft' });
    const patch = (payload: Record<string, unknown>) => {
      clock.advance(1000);
      return h.app.inject({
        method: 'PATCH',
        url: `/api/content/${id}`,
        headers: sessionHeaders(ada),
        payload,
      });
    };

    const edited = await patch({ text: 'Final', connections: [li, x] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data).toMatchObject({
      text: 'Final',
      connections: ['linkedin-brand', 'x-brand'],
      status: 'draft',
      createdAt: '2030-01-01T00:00:01.000Z',
      updatedAt: '2030-01-01T00:00:02.000Z',
    });

    expect((await patch({ scheduledAt: FUTURE })).json().data).toMatchObject({
      status: 'scheduled',
      scheduledAt: FUTURE,
      text: 'Final',
    });
    expect((await patch({ text: 'Final!' })).json().data).toMatchObject({
      status: 'scheduled',
      scheduledAt: FUTURE,
    });
    expect((await patch({ scheduledAt: null })).json().data).toMatchObject({
      status: 'draft',
      scheduledAt: null,
    });

    const read = await h.app.inject({ url: `/api/content/${id}`, headers: sessionHeaders(ada) });
    expect(read.json().data).toMatchObject({
      text: 'Final!',
      status: 'draft',
      updatedAt: '2030-01-01T00:00:05.000Z',
    });
  });

  it.each<[string, unknown, string[]]>([
    ['an empty body', {}, ['Nothing to change: send at least one of text, connections, scheduledAt']],
    ['an unknown slug', { connections: ['x-nobody'] }, ['Connection "x-nobody" not found']],
    ['empty connections', { connections: [] }, ['connections should not be empty']],
    ['blank text', { text: '  ' }, ['text should not be blank']],
    ['a past scheduledAt', { scheduledAt: '2020-01-01T00:00:00Z' }, ['scheduledAt must be in the future']],
    ['a scheduledAt of the wrong type', { scheduledAt: 5 }, ['scheduledAt must be a string or null']],
    ['an unknown field', { status: 'scheduled' }, ['property status should not exist']],
  ])('rejects a patch with %s', async (_case, payload, expected) => {
    const ada = await signUp(h.app, 'Ada');
    const id = await postId(sessionHeaders(ada), {
      connections: [await connect(ada, 'brand')],
      text: 'Draft',
    });
    const response = await h.app.inject({
      method: 'PATCH',
      url: `/api/content/${id}`,
      headers: sessionHeaders(ada),
      payload: payload as Record<string, unknown>,
    });
    expect(expectError(response, 400).error).toEqual(expected);
    const stored = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ text: 'Draft', status: 'draft', connections: '["x-brand"]' });
  });

  it('archives idempotently, then refuses edits; deletes', async () => {
    const ada = await signUp(h.app, 'Ada');
    const headers = sessionHeaders(ada);
    const id = await postId(headers, { connections: [await connect(ada, 'brand')], text: 'Old' });

    clock.advance(1000);
    const archived = await h.app.inject({ method: 'POST', url: `/api/content/${id}/archive`, headers });
    expect(archived.json().data).toMatchObject({ status: 'archived', updatedAt: '2030-01-01T00:00:02.000Z' });
    clock.advance(1000);
    const again = await h.app.inject({ method: 'POST', url: `/api/content/${id}/archive`, headers });
    expect(again.json()).toEqual(archived.json());

    const edit = await h.app.inject({
      method: 'PATCH',
      url: `/api/content/${id}`,
      headers,
      payload: { text: 'New' },
    });
    expect(expectError(edit, 409).error).toBe('Archived posts cannot be edited');

    const deleted = await h.app.inject({ method: 'DELETE', url: `/api/content/${id}`, headers });
    expect(deleted.json()).toEqual({ success: true, data: null });
    expect(await h.db.selectFrom('posts').select('id').execute()).toEqual([]);
    expectError(await h.app.inject({ url: `/api/content/${id}`, headers }), 404);
  });
});

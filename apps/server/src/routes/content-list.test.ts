/** Listing content: the seed flow, paging, order, the status filter and query validation. */
import { describe, expect, it } from 'vitest';
import { createKey, expectError, type Headers, sessionHeaders, signUp } from '../test/harness.js';
import { FUTURE, useContentHarness } from './content.fixture.js';

const { h, clock, connect, postId } = useContentHarness();

const list = (headers: Headers, query = '') => h.app.inject({ url: `/api/content${query}`, headers });

describe('content: the seed flow', () => {
  it('lists content with Authorization: Bearer sk_… and X-Workspace-Id', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext } = await createKey(h.app, ada);
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/content',
      headers: { Authorization: `Bearer ${plaintext}`, 'X-Workspace-Id': ada.workspaceId },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ success: true, data: { results: [], total: 0, page: 1, limit: 20 } });
  });
});

describe('content: list', () => {
  it('pages newest first and filters by status', async () => {
    const ada = await signUp(h.app, 'Ada');
    const slug = await connect(ada, 'brand');
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++)
      ids.push(await postId(sessionHeaders(ada), { connections: [slug], text: `Post ${i}` }));
    const headers = sessionHeaders(ada);
    await h.app.inject({ method: 'POST', url: `/api/content/${ids[0]}/archive`, headers });
    await h.app.inject({
      method: 'PATCH',
      url: `/api/content/${ids[1]}`,
      headers,
      payload: { scheduledAt: FUTURE },
    });

    const texts = (response: { json(): { data: { results: { text: string }[] } } }) =>
      response.json().data.results.map((p) => p.text);

    const first = await list(headers, '?limit=2');
    expect(first.json().data).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(texts(first)).toEqual(['Post 5', 'Post 4']);
    expect(texts(await list(headers, '?limit=2&page=2'))).toEqual(['Post 3', 'Post 2']);
    const last = await list(headers, '?limit=2&page=3');
    expect(texts(last)).toEqual(['Post 1']);
    const past = await list(headers, '?limit=2&page=4');
    expect(past.json().data).toEqual({ results: [], total: 5, page: 4, limit: 2 });

    const defaults = await list(headers);
    expect(defaults.json().data).toMatchObject({ total: 5, page: 1, limit: 20 });

    const cases: [string, string[]][] = [
      ['draft', ['Post 5', 'Post 4', 'Post 3']],
      ['scheduled', ['Post 2']],
      ['archived', ['Post 1']],
    ];
    for (const [status, expected] of cases) {
      const filtered = await list(headers, `?status=${status}`);
      expect(texts(filtered)).toEqual(expected);
      expect(filtered.json().data.total).toBe(expected.length);
    }
  });

  it('orders posts created in the same millisecond by id, newest first', async () => {
    const ada = await signUp(h.app, 'Ada');
    const slug = await connect(ada, 'brand');
    clock.advance(1000);
    for (let i = 0; i < 3; i++) {
      await h.app.inject({
        method: 'POST',
        url: '/api/content/text',
        headers: sessionHeaders(ada),
        payload: { connections: [slug], text: `Same ${i}` },
      });
    }
    const ids = (await list(sessionHeaders(ada))).json().data.results.map((p: { id: string }) => p.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it.each([
    ['?page=0', ['page must not be less than 1']],
    ['?page=abc', ['page must be an integer']],
    ['?page=1.5', ['page must be an integer']],
    ['?limit=0', ['limit must not be less than 1']],
    ['?limit=101', ['limit must not be greater than 100']],
    ['?status=published', ['status must be one of: draft, scheduled, archived']],
    ['?stauts=draft', ['property stauts should not exist']],
    ['?page=9007199254740992', ['page must not be greater than 9007199254740991']],
    // Too large for a double: coerced to Infinity, which the schema's bounds alone would let through.
    ['?page=1e400', ['page must not be greater than 9007199254740991']],
    ['?page=-1e400', ['page must not be less than 1']],
    [`?limit=${'9'.repeat(400)}`, ['limit must not be greater than 100']],
    [
      '?page=1e400&limit=1e400',
      ['page must not be greater than 9007199254740991', 'limit must not be greater than 100'],
    ],
  ])('rejects %s', async (query, messages) => {
    const ada = await signUp(h.app, 'Ada');
    expect(expectError(await list(sessionHeaders(ada), query), 400).error).toEqual(messages);
  });
});

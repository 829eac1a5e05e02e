import { describe, expect, it } from 'vitest';
import { createKey, expectError, keyHeaders, sessionHeaders, signUp, useHarness } from '../test/harness.js';

const h = useHarness();

describe('API keys', () => {
  it('creates a key shown once, lists it hashed, and authenticates with it', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext, key } = await createKey(h.app, ada, ada.workspaceId, 'CI bot');
    expect(plaintext).toMatch(/^sk_[0-9a-f]{64}$/);
    expect(key.hint).toBe(`${plaintext.slice(0, 7)}…${plaintext.slice(-4)}`);

    const list = await h.app.inject({
      method: 'GET',
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: sessionHeaders(ada),
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(plaintext);
    const [listed] = list.json().data;
    expect(listed).toMatchObject({
      id: key.id,
      label: 'CI bot',
      status: 'active',
      roleKey: 'OWNER',
      lastUsedAt: null,
    });
    expect(Object.keys(listed).sort()).toEqual(
      [
        'createdAt',
        'createdBy',
        'hint',
        'id',
        'label',
        'lastUsedAt',
        'roleKey',
        'status',
        'workspaceId',
      ].sort(),
    );

    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: keyHeaders(plaintext) });
    expect(me.statusCode).toBe(200);
    expect(me.json().data.apiKey).toMatchObject({ id: key.id, label: 'CI bot', roleKey: 'OWNER' });
    expect(me.headers['ratelimit-limit']).toBeDefined();
  });

  it('rejects a deleted key on the next request', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext, key } = await createKey(h.app, ada);
    expect((await h.app.inject({ url: '/api/auth/me', headers: keyHeaders(plaintext) })).statusCode).toBe(
      200,
    );
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}/api-keys/${key.id}`,
      headers: sessionHeaders(ada),
    });
    expect(del.json()).toEqual({ success: true, data: null });
    const after = await h.app.inject({ url: '/api/auth/me', headers: keyHeaders(plaintext) });
    expect(expectError(after, 401).error).toBe('Invalid API key');
  });
});

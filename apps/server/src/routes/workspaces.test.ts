import { describe, expect, it } from 'vitest';
import { createKey, expectError, keyHeaders, sessionHeaders, signUp, useHarness } from '../test/harness.js';

const h = useHarness();

describe('workspaces', () => {
  it('creates, lists, reads and renames workspaces through a session', async () => {
    const ada = await signUp(h.app, 'Ada');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/workspaces',
      headers: sessionHeaders(ada),
      payload: { name: '  Launch team  ' },
    });
    expect(created.statusCode).toBe(201);
    const workspace = created.json().data;
    expect(workspace).toEqual({
      id: expect.stringMatching(/^ws_/),
      name: 'Launch team',
      tier: 'free',
      createdAt: expect.any(String),
    });

    const list = (await h.app.inject({ url: '/api/workspaces', headers: sessionHeaders(ada) })).json().data;
    expect(list.map((w: { name: string }) => w.name)).toEqual(["Ada's workspace", 'Launch team']);

    const renamed = await h.app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${workspace.id}`,
      headers: sessionHeaders(ada),
      payload: { name: 'Launch' },
    });
    expect(renamed.json().data).toMatchObject({ id: workspace.id, name: 'Launch' });
    const read = await h.app.inject({ url: `/api/workspaces/${workspace.id}`, headers: sessionHeaders(ada) });
    expect(read.json().data.name).toBe('Launch');
  });

  it('shows a key only its own workspace, and a stranger none of it', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { plaintext } = await createKey(h.app, ada);
    const list = (await h.app.inject({ url: '/api/workspaces', headers: keyHeaders(plaintext) })).json().data;
    expect(list.map((w: { id: string }) => w.id)).toEqual([ada.workspaceId]);
    const stranger = await h.app.inject({
      url: `/api/workspaces/${ada.workspaceId}`,
      headers: sessionHeaders(bob),
    });
    expect(expectError(stranger, 404).error).toBe('Workspace not found');
  });

  it('deletes a workspace with everything in it: its keys stop at once', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext } = await createKey(h.app, ada);
    expect((await h.app.inject({ url: '/api/content', headers: keyHeaders(plaintext) })).statusCode).toBe(
      200,
    );
    const deleted = await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}`,
      headers: sessionHeaders(ada),
    });
    expect(deleted.json()).toEqual({ success: true, data: null });
    expect(
      expectError(await h.app.inject({ url: '/api/content', headers: keyHeaders(plaintext) }), 401).error,
    ).toBe('Invalid API key');
    for (const table of ['api_keys', 'memberships', 'workspaces'] as const) {
      const rows = await h.db.selectFrom(table).selectAll().execute();
      expect(rows, table).toEqual([]);
    }
  });
});

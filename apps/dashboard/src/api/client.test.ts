import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createApiClient } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('createApiClient', () => {
  it('unwraps the envelope of a success', async () => {
    const { fetch, calls } = fakeFetch(200, { success: true, data: [{ id: 'key_1' }] });
    const client = createApiClient({ fetch });
    expect(await client.get('/workspaces/ws_1/api-keys')).toEqual([{ id: 'key_1' }]);
    expect(calls[0]?.url).toBe('/api/workspaces/ws_1/api-keys');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('sends the CSRF header and JSON on writes, not on reads', async () => {
    const { fetch, calls } = fakeFetch(201, { success: true, data: {} });
    const client = createApiClient({ fetch });
    await client.post('/workspaces/ws_1/api-keys', { label: 'CI' });
    await client.get('/auth/me');
    expect(headersOf(calls[0])).toMatchObject({
      'X-Requested-With': 'socifyr',
      'Content-Type': 'application/json',
    });
    expect(calls[0]?.init.body).toBe('{"label":"CI"}');
    expect(headersOf(calls[1])['X-Requested-With']).toBeUndefined();
  });

  it('sends X-Workspace-Id and the query when asked', async () => {
    const { fetch, calls } = fakeFetch(200, { success: true, data: {} });
    await createApiClient({ fetch }).get('/content', {
      workspaceId: 'ws_2',
      query: { status: 'draft', page: 2, limit: undefined },
    });
    expect(calls[0]?.url).toBe('/api/content?status=draft&page=2');
    expect(headersOf(calls[0])['X-Workspace-Id']).toBe('ws_2');
  });

  it('throws the validation messages as a list', async () => {
    const { fetch } = fakeFetch(400, {
      success: false,
      error: ['label must be a string', 'name should not be empty'],
      statusCode: 400,
    });
    const error = await createApiClient({ fetch })
      .post('/x', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      messages: ['label must be a string', 'name should not be empty'],
      message: 'label must be a string, name should not be empty',
    });
  });

  it('reports a 401 as a lost session, unless told not to', async () => {
    const { fetch } = fakeFetch(401, { success: false, error: 'Not signed in', statusCode: 401 });
    const onUnauthorized = vi.fn();
    const client = createApiClient({ fetch, onUnauthorized });
    await expect(client.get('/auth/me', { reportUnauthorized: false })).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(client.get('/workspaces')).rejects.toMatchObject({ message: 'Not signed in' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('says what happened when the answer is not the envelope', async () => {
    const { fetch } = fakeFetch(502, '<html>Bad gateway</html>');
    await expect(createApiClient({ fetch }).get('/x')).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining('502'),
    });
  });

  it('turns a network failure into status 0 with a readable message', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    await expect(createApiClient({ fetch }).get('/x')).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('Could not reach the server'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ok, scriptedFetch, TEST_KEY } from '../../test/fake-fetch.js';
import { Socifyr } from '../client.js';
import { SocifyrError } from '../errors.js';

type Call = (socifyr: Socifyr) => Promise<unknown>;

/** Every method of the client: the request it must send. The e2e suite runs each against the real server. */
const ROUTES: [name: string, call: Call, method: string, path: string, body?: unknown][] = [
  ['auth.me', (s) => s.auth.me(), 'GET', '/auth/me'],
  ['workspaces.list', (s) => s.workspaces.list(), 'GET', '/workspaces'],
  ['workspaces.create', (s) => s.workspaces.create({ name: 'New' }), 'POST', '/workspaces', { name: 'New' }],
  ['workspaces.get', (s) => s.workspaces.get('ws_1'), 'GET', '/workspaces/ws_1'],
  [
    'workspaces.update',
    (s) => s.workspaces.update('ws_1', { name: 'B' }),
    'PATCH',
    '/workspaces/ws_1',
    { name: 'B' },
  ],
  ['workspaces.delete', (s) => s.workspaces.delete('ws_1'), 'DELETE', '/workspaces/ws_1'],
  [
    'workspaces.listConnections',
    (s) => s.workspaces.listConnections('ws_1'),
    'GET',
    '/workspaces/ws_1/connections',
  ],
  [
    'workspaces.createConnection',
    (s) => s.workspaces.createConnection('ws_1', { platform: 'x', handle: '@brand', name: 'Brand' }),
    'POST',
    '/workspaces/ws_1/connections',
    { platform: 'x', handle: '@brand', name: 'Brand' },
  ],
  [
    'workspaces.disconnectPlatform',
    (s) => s.workspaces.disconnectPlatform('ws_1', 'con_1'),
    'DELETE',
    '/workspaces/ws_1/connections/con_1',
  ],
  ['workspaces.listMembers', (s) => s.workspaces.listMembers('ws_1'), 'GET', '/workspaces/ws_1/members'],
  [
    'workspaces.updateMemberRole',
    (s) => s.workspaces.updateMemberRole('ws_1', 'usr_1', { roleKey: 'EDITOR' }),
    'PATCH',
    '/workspaces/ws_1/members/usr_1',
    { roleKey: 'EDITOR' },
  ],
  [
    'workspaces.removeMember',
    (s) => s.workspaces.removeMember('ws_1', 'usr_1'),
    'DELETE',
    '/workspaces/ws_1/members/usr_1',
  ],
  [
    'workspaces.invite',
    (s) => s.workspaces.invite('ws_1', { email: 'a@example.com', roleKey: 'ADMIN' }),
    'POST',
    '/workspaces/ws_1/invitations',
    { email: 'a@example.com', roleKey: 'ADMIN' },
  ],
  [
    'workspaces.listInvitations',
    (s) => s.workspaces.listInvitations('ws_1'),
    'GET',
    '/workspaces/ws_1/invitations',
  ],
  [
    'workspaces.cancelInvitation',
    (s) => s.workspaces.cancelInvitation('ws_1', 'inv_1'),
    'DELETE',
    '/workspaces/ws_1/invitations/inv_1',
  ],
  ['workspaces.listApiKeys', (s) => s.workspaces.listApiKeys('ws_1'), 'GET', '/workspaces/ws_1/api-keys'],
  [
    'workspaces.createApiKey',
    (s) => s.workspaces.createApiKey('ws_1', { label: 'CI bot' }),
    'POST',
    '/workspaces/ws_1/api-keys',
    { label: 'CI bot' },
  ],
  [
    'workspaces.deleteApiKey',
    (s) => s.workspaces.deleteApiKey('ws_1', 'key_1'),
    'DELETE',
    '/workspaces/ws_1/api-keys/key_1',
  ],
  ['connections.list', (s) => s.connections.list(), 'GET', '/connections'],
  ['content.list', (s) => s.content.list(), 'GET', '/content'],
  [
    'content.list with a query',
    (s) => s.content.list({ status: 'scheduled', page: 2, limit: 50 }),
    'GET',
    '/content?status=scheduled&page=2&limit=50',
  ],
  ['content.list with part of a query', (s) => s.content.list({ limit: 5 }), 'GET', '/content?limit=5'],
  ['content.get', (s) => s.content.get('post_1'), 'GET', '/content/post_1'],
  [
    'content.createText',
    (s) =>
      s.content.createText({
        connections: ['x-brand'],
        text: 'Hello',
        scheduledAt: '2030-01-01T00:00:00.000Z',
      }),
    'POST',
    '/content/text',
    { connections: ['x-brand'], text: 'Hello', scheduledAt: '2030-01-01T00:00:00.000Z' },
  ],
  [
    'content.createText with a Date',
    (s) =>
      s.content.createText({
        connections: ['x-brand'],
        text: 'Hi',
        scheduledAt: new Date(Date.UTC(2030, 0, 1)),
      }),
    'POST',
    '/content/text',
    { connections: ['x-brand'], text: 'Hi', scheduledAt: '2030-01-01T00:00:00.000Z' },
  ],
  [
    'content.update',
    (s) => s.content.update('post_1', { text: 'Edited', scheduledAt: null }),
    'PATCH',
    '/content/post_1',
    { text: 'Edited', scheduledAt: null },
  ],
  ['content.archive', (s) => s.content.archive('post_1'), 'POST', '/content/post_1/archive'],
  ['content.delete', (s) => s.content.delete('post_1'), 'DELETE', '/content/post_1'],
];

describe('every method sends its route', () => {
  it.each(ROUTES)('%s', async (_, call, method, path, body) => {
    const { fetch, requests } = scriptedFetch(ok({ answer: 42 }));
    const data = await call(new Socifyr({ apiKey: TEST_KEY, apiUrl: 'http://api.test/api', fetch }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe(method);
    expect(requests[0]?.url).toBe(`http://api.test/api${path}`);
    expect(requests[0]?.body).toEqual(body);
    // Deletes resolve to nothing; everything else to the envelope's data.
    expect(data).toEqual(method === 'DELETE' ? undefined : { answer: 42 });
  });
});

describe('ids in paths', () => {
  it('are encoded, so an id cannot reach another route', async () => {
    const { fetch, requests } = scriptedFetch(ok(null));
    const socifyr = new Socifyr({ apiKey: TEST_KEY, apiUrl: 'http://api.test/api', fetch });
    await socifyr.content.get('post_1/archive?x=1');
    await socifyr.workspaces.deleteApiKey('ws 1', '../key#1');
    expect(requests.map((r) => r.url)).toEqual([
      'http://api.test/api/content/post_1%2Farchive%3Fx%3D1',
      'http://api.test/api/workspaces/ws%201/api-keys/..%2Fkey%231',
    ]);
  });

  it.each(['', '.', '..'])('refuse %j before sending anything', async (id) => {
    const { fetch, requests } = scriptedFetch(ok(null));
    const socifyr = new Socifyr({ apiKey: TEST_KEY, apiUrl: 'http://api.test/api', fetch });
    const error = await socifyr.content.delete(id).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SocifyrError);
    expect((error as SocifyrError).status).toBe(0);
    expect((error as SocifyrError).message).toBe(
      `Expected an id such as "ws_…" or "post_…", got ${JSON.stringify(id)}`,
    );
    expect(requests).toHaveLength(0);
  });
});

/**
 * The role matrix over time: a key acts with its creator's *current* role, so promotions, demotions and
 * removals take effect on the key at once; and nobody can raise their own role.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoleKey } from '../db/tables.js';
import { useFileHarness } from './harness.js';
import type { Method } from './routes-table.js';
import {
  asPerson,
  bearer,
  buildTeam,
  call,
  expectOk,
  expectRefusal,
  GENEROUS_POLICY,
  type Team,
} from './security-fixture.js';

const h = useFileHarness({ policy: GENEROUS_POLICY });
let team: Team;
// These tests change the team's roles, so each gets its own team.
beforeEach(async () => {
  team = await buildTeam(h.app);
});

const members = (userId: string) => `/api/workspaces/${team.workspaceId}/members/${userId}`;
const asOwner = (method: Method, url: string, payload?: unknown) =>
  call(h.app, { method, url, payload, headers: asPerson(team.members.OWNER, team.workspaceId) });
const renameWith = (key: string) =>
  call(h.app, {
    method: 'PATCH',
    url: `/api/workspaces/${team.workspaceId}`,
    headers: bearer(key),
    payload: { name: 'Renamed' },
  });

describe('a key follows its creator', () => {
  it('takes a promotion and a demotion at once: EDITOR → ADMIN → EDITOR, on the same key', async () => {
    const key = team.keys.EDITOR;
    const url = `/api/workspaces/${team.workspaceId}`;
    expectRefusal(await renameWith(key), url, 403, /"workspace:rename"/);

    expectOk(await asOwner('PATCH', members(team.members.EDITOR.userId), { roleKey: 'ADMIN' }), 200);
    expectOk(await renameWith(key), 200);
    const me = expectOk(await call(h.app, { url: '/api/auth/me', headers: bearer(key) }), 200);
    expect(me.apiKey.roleKey).toBe('ADMIN');

    expectOk(await asOwner('PATCH', members(team.members.EDITOR.userId), { roleKey: 'EDITOR' }), 200);
    expectRefusal(await renameWith(key), url, 403, /"workspace:rename"/);
  });

  it('stops authenticating when its creator is removed, and is listed as inactive', async () => {
    const key = team.keys.CONTRIBUTOR;
    expectOk(await asOwner('DELETE', members(team.members.CONTRIBUTOR.userId)), 200);

    const response = await call(h.app, { url: '/api/auth/me', headers: bearer(key) });
    expectRefusal(
      response,
      '/api/auth/me',
      401,
      'API key is inactive: its creator is no longer a member of this workspace',
    );

    const listed = expectOk(await asOwner('GET', `/api/workspaces/${team.workspaceId}/api-keys`), 200);
    expect(listed.find((k: { id: string }) => k.id === team.keyIds.CONTRIBUTOR)).toMatchObject({
      status: 'inactive',
    });
  });

  it.each(['ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const)(
    '%s via key may leave the workspace (remove themself); the key then stops working',
    async (role) => {
      const key = team.keys[role];
      const self = members(team.members[role].userId);
      expectOk(await call(h.app, { method: 'DELETE', url: self, headers: bearer(key) }), 200);
      expectRefusal(await call(h.app, { url: '/api/auth/me', headers: bearer(key) }), '/api/auth/me', 401);
    },
  );
});

describe('nobody raises their own role', () => {
  const cases: [RoleKey, RoleKey, string][] = [
    ['ADMIN', 'OWNER', 'owners:manage'],
    ['EDITOR', 'ADMIN', 'members:manage'],
    ['CONTRIBUTOR', 'EDITOR', 'members:manage'],
  ];
  for (const via of ['session', 'key'] as const) {
    it.each(cases)(`%s via ${via}: make themself %s → 403 naming "%s"`, async (role, wanted, permission) => {
      const person = team.members[role];
      const headers = via === 'session' ? asPerson(person, team.workspaceId) : bearer(team.keys[role]);
      const url = members(person.userId);
      const response = await call(h.app, { method: 'PATCH', url, headers, payload: { roleKey: wanted } });
      expectRefusal(response, url, 403, new RegExp(`"${permission}"`));
      const list = expectOk(await asOwner('GET', `/api/workspaces/${team.workspaceId}/members`), 200);
      expect(list.find((m: { userId: string }) => m.userId === person.userId).roleKey).toBe(role);
    });
  }
});

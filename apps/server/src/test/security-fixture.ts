/**
 * What the security suite and the role matrix share: a team with one member per role (each with a key
 * of their own), a workspace holding one of every resource, and assertions on the envelope.
 * Every request goes out from a fresh client address so deliberate failures never add up to the
 * failed-authentication throttle (which has its own test).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../app.js';
import { ROLE_KEYS } from '../auth/permissions.js';
import type { RoleKey } from '../db/tables.js';
import { rateLimitPolicy } from '../limits/rate-limiter.js';
import { actingIn, addMember, createKey, expectError, type Headers, type Person, signUp } from './harness.js';
import type { Method, RouteEntry, RouteFixture } from './routes-table.js';

/**
 * Per-key limits high enough that a suite of hundreds of requests per key never meets them; the
 * failed-authentication throttle keeps its default (30 a minute per address).
 */
export const GENEROUS_POLICY = rateLimitPolicy(100_000, 1_000_000);

let addressCounter = 0;
/** A client address no earlier request of this file used. */
export function freshAddress(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type { Headers };

export interface CallOptions {
  method?: Method;
  url: string;
  headers?: Headers;
  payload?: unknown;
  /** Default: a fresh address. */
  remoteAddress?: string;
}

export function call(app: App, { method = 'GET', url, headers = {}, payload, remoteAddress }: CallOptions) {
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    remoteAddress: remoteAddress ?? freshAddress(),
  });
}

/** Calls a route of the table on `fixture` with `headers` (its valid body included). */
export function callRoute(
  app: App,
  route: RouteEntry,
  fixture: RouteFixture,
  headers: Headers,
  remoteAddress?: string,
) {
  return call(app, {
    method: route.method,
    url: route.path(fixture),
    headers,
    payload: route.body?.(fixture),
    remoteAddress,
  });
}

export const bearer = (plaintext: string, scheme = 'Bearer'): Headers => ({
  authorization: `${scheme} ${plaintext}`,
});

/**
 * A person's session acting in `workspaceId`: with the CSRF header, and with X-Workspace-Id because a
 * member's first workspace is their own, not the team's.
 */
export const asPerson = actingIn;

export interface Team {
  workspaceId: string;
  members: Record<RoleKey, Person>;
  /** Plaintext of a key each member created for themself in the team's workspace. */
  keys: Record<RoleKey, string>;
  keyIds: Record<RoleKey, string>;
}

/** One member per role in the OWNER's workspace (through invite + accept), each with a key. */
export async function buildTeam(app: App): Promise<Team> {
  const owner = await signUp(app, 'Owner');
  const members = { OWNER: owner } as Record<RoleKey, Person>;
  for (const role of ROLE_KEYS) {
    if (role === 'OWNER') continue;
    const person = await signUp(app, role.charAt(0) + role.slice(1).toLowerCase());
    await addMember(app, owner, person, role);
    members[role] = person;
  }
  const keys = {} as Record<RoleKey, string>;
  const keyIds = {} as Record<RoleKey, string>;
  for (const role of ROLE_KEYS) {
    const created = await createKey(app, members[role], owner.workspaceId, `${role} key`);
    keys[role] = created.plaintext;
    keyIds[role] = created.key.id;
  }
  return { workspaceId: owner.workspaceId, members, keys, keyIds };
}

export interface SecurityFixture extends RouteFixture {
  team: Team;
  /** Owns another workspace and is a member of nothing here. */
  outsider: Person;
  /** A valid key of the outsider's workspace. */
  outsiderKey: string;
  /** A key of the team's workspace that was deleted. */
  deletedKey: string;
}

/** Asserts a 2xx envelope answer and returns its `data`. */
export function expectOk(response: LightMyRequestResponse, status: number | readonly number[] = [200, 201]) {
  const allowed = typeof status === 'number' ? [status] : status;
  if (!allowed.includes(response.statusCode)) {
    throw new Error(`expected ${allowed.join(' or ')}, got ${response.statusCode}: ${response.body}`);
  }
  expect(response.headers['x-request-id']).toEqual(expect.stringMatching(/\S/));
  const body = response.json();
  expect(body.success).toBe(true);
  expect(body).toHaveProperty('data');
  return body.data;
}

/** Builds the team plus one of every resource the route table needs, through the API. */
export async function buildFixture(app: App): Promise<SecurityFixture> {
  const team = await buildTeam(app);
  const owner = asPerson(team.members.OWNER, team.workspaceId);
  const ws = `/api/workspaces/${team.workspaceId}`;

  const target = await createKey(app, team.members.OWNER, team.workspaceId, 'Target key');
  const deleted = await createKey(app, team.members.OWNER, team.workspaceId, 'Deleted key');
  expectOk(
    await call(app, { method: 'DELETE', url: `${ws}/api-keys/${deleted.key.id}`, headers: owner }),
    200,
  );

  const invitation = expectOk(
    await call(app, {
      method: 'POST',
      url: `${ws}/invitations`,
      headers: owner,
      payload: { email: `pending.${team.workspaceId}@example.com`, roleKey: 'CONTRIBUTOR' },
    }),
    201,
  );

  const outsider = await signUp(app, 'Outsider');
  const outsiderKey = (await createKey(app, outsider)).plaintext;
  const ownerInvite = expectOk(
    await call(app, {
      method: 'POST',
      url: `/api/workspaces/${outsider.workspaceId}/invitations`,
      headers: asPerson(outsider, outsider.workspaceId),
      payload: { email: team.members.OWNER.email, roleKey: 'EDITOR' },
    }),
    201,
  );

  const connection = expectOk(
    await call(app, {
      method: 'POST',
      url: `${ws}/connections`,
      headers: owner,
      payload: { platform: 'x', handle: 'brand' },
    }),
    201,
  );
  const post = expectOk(
    await call(app, {
      method: 'POST',
      url: '/api/content/text',
      headers: owner,
      payload: { connections: [connection.slug], text: 'A draft by the owner' },
    }),
    201,
  );

  return {
    workspaceId: team.workspaceId,
    keyId: target.key.id,
    memberUserId: team.members.CONTRIBUTOR.userId,
    invitationId: invitation.id,
    connectionId: connection.id,
    connectionSlug: connection.slug,
    postId: post.id,
    invitationToken: ownerInvite.token,
    team,
    outsider,
    outsiderKey,
    deletedKey: deleted.plaintext,
  };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * Asserts an error answer: status, the whole envelope (path without query, ISO timestamp), a request
 * id, and the message (exact string, or a pattern).
 */
export function expectRefusal(
  response: LightMyRequestResponse,
  url: string,
  status: number,
  message?: string | RegExp,
) {
  const body = expectError(response, status);
  expect(response.headers['x-request-id']).toEqual(expect.stringMatching(/\S/));
  expect(Object.keys(body).sort()).toEqual(['error', 'path', 'statusCode', 'success', 'timestamp']);
  expect(body.path).toBe(url.split('?')[0]);
  expect(body.timestamp).toMatch(ISO_UTC);
  expect(typeof body.error).toBe('string');
  if (typeof message === 'string') expect(body.error).toBe(message);
  else if (message) expect(body.error).toMatch(message);
  return body;
}

/**
 * The roles table of API.md, one row per permission, written out literally (not derived from the
 * server's own permission table, so a mistake there is caught here). Each row performs its actions as
 * the caller and returns the responses; the runner decides what each role must see.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import type { RoleKey } from '../db/tables.js';
import { addMember, createKey, type Person, signUp } from './harness.js';
import type { Method } from './routes-table.js';
import { asPerson, expectOk, expectRefusal, type Headers, type Team } from './security-fixture.js';

export type Via = 'session' | 'key';

export interface RowContext {
  app: App;
  team: Team;
  role: RoleKey;
  via: Via;
  /** The caller as a person (whose session or key makes the requests). */
  person: Person;
  /** A connection slug of the team, for post bodies. */
  slug: string;
  /** A draft created by the OWNER at set-up; never changed. */
  sharedPostId: string;
  /** Makes a request as the caller. */
  send(method: Method, url: string, payload?: unknown): Promise<Attempt>;
  /** Makes a request as the OWNER's session, for set-up. */
  setup(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface Attempt {
  url: string;
  response: LightMyRequestResponse;
}

export interface MatrixRow {
  /** As API.md names the row. */
  row: string;
  /** The permission a refusal names. */
  permission: Permission;
  /** For roles lacking both: a refusal may name one of these instead. */
  orNames?: Permission[];
  allowed: readonly RoleKey[];
  /** API keys are refused whatever the role. */
  sessionOnly?: boolean;
  attempt(ctx: RowContext): Promise<Attempt[]>;
  /** What a role without the permission sees, when it is not "403 naming it". */
  denied?: { label: string; check(attempts: Attempt[], ctx: RowContext): void };
}

let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const ws = (ctx: RowContext) => `/api/workspaces/${ctx.team.workspaceId}`;

/** Runs the request and returns its data, failing loudly when set-up itself goes wrong. */
const dataOf = (response: LightMyRequestResponse) => expectOk(response);

async function newPost(ctx: RowContext, by: 'owner' | 'caller'): Promise<string> {
  const body = { connections: [ctx.slug], text: `Post ${next()}` };
  const response =
    by === 'owner'
      ? await ctx.setup('POST', '/api/content/text', body)
      : (await ctx.send('POST', '/api/content/text', body)).response;
  return dataOf(response).id;
}

/** A fresh member of the team with `role`; OWNERs are invited as ADMIN, then promoted by the OWNER. */
async function newMember(ctx: RowContext, role: RoleKey): Promise<Person> {
  const person = await signUp(ctx.app, `Target ${role}`);
  await addMember(ctx.app, ctx.team.members.OWNER, person, role === 'OWNER' ? 'ADMIN' : role);
  if (role === 'OWNER')
    dataOf(await ctx.setup('PATCH', `${ws(ctx)}/members/${person.userId}`, { roleKey: role }));
  return person;
}

export const MATRIX: readonly MatrixRow[] = [
  {
    row: 'read the workspace, its members, connections, content',
    permission: 'workspace:read',
    allowed: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'],
    attempt: async (ctx) =>
      Promise.all(
        [
          ws(ctx),
          `${ws(ctx)}/members`,
          `${ws(ctx)}/connections`,
          '/api/connections',
          '/api/content',
          `/api/content/${ctx.sharedPostId}`,
          '/api/workspaces',
          '/api/auth/me',
        ].map((url) => ctx.send('GET', url)),
      ),
  },
  {
    row: 'create content drafts',
    permission: 'content:create',
    allowed: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'],
    attempt: async (ctx) => {
      const created = await ctx.send('POST', '/api/content/text', { connections: [ctx.slug], text: 'Draft' });
      const post = expectOk(created.response, 201);
      expect(post).toMatchObject({ status: 'draft', createdBy: { userId: ctx.person.userId } });
      expect(post.createdBy.apiKeyId === null).toBe(ctx.via === 'session');
      return [created];
    },
  },
  {
    row: "edit, archive, delete any content (another member's drafts)",
    permission: 'content:manage-any',
    allowed: ['OWNER', 'ADMIN', 'EDITOR'],
    attempt: async (ctx) => {
      const [edited, archived, deleted] = [
        await newPost(ctx, 'owner'),
        await newPost(ctx, 'owner'),
        await newPost(ctx, 'owner'),
      ];
      return [
        await ctx.send('PATCH', `/api/content/${edited}`, { text: 'Edited' }),
        await ctx.send('POST', `/api/content/${archived}/archive`),
        await ctx.send('DELETE', `/api/content/${deleted}`),
      ];
    },
  },
  {
    row: 'schedule content (a new post, or their own draft)',
    permission: 'content:manage-any',
    allowed: ['OWNER', 'ADMIN', 'EDITOR'],
    attempt: async (ctx) => {
      const own = await newPost(ctx, 'caller');
      return [
        await ctx.send('POST', '/api/content/text', {
          connections: [ctx.slug],
          text: 'Scheduled',
          scheduledAt: inAnHour(),
        }),
        await ctx.send('PATCH', `/api/content/${own}`, { scheduledAt: inAnHour() }),
      ];
    },
  },
  {
    row: 'edit, archive, delete their own drafts',
    permission: 'content:create',
    allowed: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'],
    attempt: async (ctx) => {
      const [kept, removed] = [await newPost(ctx, 'caller'), await newPost(ctx, 'caller')];
      return [
        await ctx.send('PATCH', `/api/content/${kept}`, { text: 'Edited by its author' }),
        await ctx.send('POST', `/api/content/${kept}/archive`),
        await ctx.send('DELETE', `/api/content/${removed}`),
      ];
    },
  },
  {
    row: 'manage connections',
    permission: 'connections:manage',
    allowed: ['OWNER', 'ADMIN'],
    attempt: async (ctx) => {
      const existing = dataOf(
        await ctx.setup('POST', `${ws(ctx)}/connections`, { platform: 'threads', handle: `t${next()}` }),
      );
      return [
        await ctx.send('POST', `${ws(ctx)}/connections`, { platform: 'linkedin', handle: `l${next()}` }),
        await ctx.send('DELETE', `${ws(ctx)}/connections/${existing.id}`),
      ];
    },
  },
  {
    row: 'manage members and invitations',
    permission: 'members:manage',
    allowed: ['OWNER', 'ADMIN'],
    attempt: async (ctx) => {
      const invitation = dataOf(
        await ctx.setup('POST', `${ws(ctx)}/invitations`, {
          email: `i${next()}@example.com`,
          roleKey: 'EDITOR',
        }),
      );
      const [promoted, removed] = [await newMember(ctx, 'CONTRIBUTOR'), await newMember(ctx, 'CONTRIBUTOR')];
      return [
        await ctx.send('POST', `${ws(ctx)}/invitations`, {
          email: `n${next()}@example.com`,
          roleKey: 'EDITOR',
        }),
        await ctx.send('GET', `${ws(ctx)}/invitations`),
        await ctx.send('DELETE', `${ws(ctx)}/invitations/${invitation.id}`),
        await ctx.send('PATCH', `${ws(ctx)}/members/${promoted.userId}`, { roleKey: 'EDITOR' }),
        await ctx.send('DELETE', `${ws(ctx)}/members/${removed.userId}`),
      ];
    },
  },
  {
    row: 'rename the workspace',
    permission: 'workspace:rename',
    allowed: ['OWNER', 'ADMIN'],
    attempt: async (ctx) => [await ctx.send('PATCH', ws(ctx), { name: `Renamed by ${ctx.role}` })],
  },
  {
    row: 'grant or remove OWNER',
    permission: 'owners:manage',
    orNames: ['members:manage'],
    allowed: ['OWNER'],
    attempt: async (ctx) => {
      const [candidate, demoted, removed] = [
        await newMember(ctx, 'EDITOR'),
        await newMember(ctx, 'OWNER'),
        await newMember(ctx, 'OWNER'),
      ];
      return [
        await ctx.send('PATCH', `${ws(ctx)}/members/${candidate.userId}`, { roleKey: 'OWNER' }),
        await ctx.send('PATCH', `${ws(ctx)}/members/${demoted.userId}`, { roleKey: 'ADMIN' }),
        await ctx.send('DELETE', `${ws(ctx)}/members/${removed.userId}`),
      ];
    },
  },
  {
    row: 'delete the workspace',
    permission: 'workspace:delete',
    allowed: ['OWNER'],
    sessionOnly: true,
    attempt: async (ctx) => {
      // Succeeding would end the shared team, so the OWNER deletes a workspace of their own instead.
      if (ctx.role === 'OWNER' && ctx.via === 'session') {
        const created = await ctx.send('POST', '/api/workspaces', { name: 'Short-lived' });
        const { id } = expectOk(created.response, 201);
        return [created, await ctx.send('DELETE', `/api/workspaces/${id}`)];
      }
      return [await ctx.send('DELETE', ws(ctx))];
    },
  },
  {
    row: 'create API keys, list and delete their own',
    permission: 'keys:create',
    allowed: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'],
    attempt: async (ctx) => {
      const created = await ctx.send('POST', `${ws(ctx)}/api-keys`, { label: `Own ${next()}` });
      const { key } = expectOk(created.response, 201);
      expect(key).toMatchObject({ createdBy: { userId: ctx.person.userId }, roleKey: ctx.role });
      const listed = await ctx.send('GET', `${ws(ctx)}/api-keys`);
      expect(expectOk(listed.response, 200).map((k: { id: string }) => k.id)).toContain(key.id);
      return [created, listed, await ctx.send('DELETE', `${ws(ctx)}/api-keys/${key.id}`)];
    },
  },
  {
    row: 'list and delete every key of the workspace',
    permission: 'keys:manage-any',
    allowed: ['OWNER', 'ADMIN'],
    attempt: async (ctx) => {
      const other = ctx.team.members[ctx.role === 'OWNER' ? 'ADMIN' : 'OWNER'];
      const { key } = await createKey(ctx.app, other, ctx.team.workspaceId, `Someone else's ${next()}`);
      const listed = await ctx.send('GET', `${ws(ctx)}/api-keys`);
      const ids = expectOk(listed.response, 200).map((k: { id: string }) => k.id);
      expect(ids.includes(key.id)).toBe(ctx.role === 'OWNER' || ctx.role === 'ADMIN');
      return [listed, await ctx.send('DELETE', `${ws(ctx)}/api-keys/${key.id}`)];
    },
    denied: {
      label: "200 with only their own keys; 403 naming keys:manage-any deleting someone else's",
      check([listed, deleted], ctx) {
        const keys = expectOk(listed!.response, 200) as { createdBy: { userId: string } }[];
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) expect(key.createdBy.userId).toBe(ctx.person.userId);
        expectRefusal(
          deleted!.response,
          deleted!.url,
          403,
          `Your role ${ctx.role} does not have the permission "keys:manage-any" (list and delete every API key of the workspace)`,
        );
      },
    },
  },
];

/** Headers of the caller: their session (acting in the team's workspace) or their own key. */
export const callerHeaders = (team: Team, role: RoleKey, via: Via): Headers =>
  via === 'session'
    ? asPerson(team.members[role], team.workspaceId)
    : { authorization: `Bearer ${team.keys[role]}` };

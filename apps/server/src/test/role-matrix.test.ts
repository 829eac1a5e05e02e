/**
 * The role matrix: each role × each row of the API.md roles table, through a session and through a key
 * the member created. Allowed → 2xx; not allowed → 403 naming the permission (or what the row says).
 */
import { beforeAll, describe, it } from 'vitest';
import { ROLE_KEYS } from '../auth/permissions.js';
import type { RoleKey } from '../db/tables.js';
import { useFileHarness } from './harness.js';
import { callerHeaders, MATRIX, type MatrixRow, type RowContext, type Via } from './role-matrix-rows.js';
import {
  asPerson,
  buildTeam,
  call,
  expectOk,
  expectRefusal,
  GENEROUS_POLICY,
  type Team,
} from './security-fixture.js';

const h = useFileHarness({ policy: GENEROUS_POLICY });
let team: Team;
let slug: string;
let sharedPostId: string;

// One team for the whole file: every test creates the posts, members and keys it changes.
beforeAll(async () => {
  team = await buildTeam(h.app);
  const owner = asPerson(team.members.OWNER, team.workspaceId);
  const connection = expectOk(
    await call(h.app, {
      method: 'POST',
      url: `/api/workspaces/${team.workspaceId}/connections`,
      headers: owner,
      payload: { platform: 'x', handle: 'brand' },
    }),
    201,
  );
  slug = connection.slug;
  const post = expectOk(
    await call(h.app, {
      method: 'POST',
      url: '/api/content/text',
      headers: owner,
      payload: { connections: [slug], text: 'Shared draft' },
    }),
    201,
  );
  sharedPostId = post.id;
});

function contextFor(role: RoleKey, via: Via): RowContext {
  const headers = callerHeaders(team, role, via);
  const owner = asPerson(team.members.OWNER, team.workspaceId);
  return {
    app: h.app,
    team,
    role,
    via,
    person: team.members[role],
    slug,
    sharedPostId,
    send: async (method, url, payload) => ({
      url,
      response: await call(h.app, { method, url, headers, payload }),
    }),
    setup: (method, url, payload) => call(h.app, { method, url, headers: owner, payload }),
  };
}

type Verdict = 'allowed' | 'denied' | 'session-only';

function verdictOf(row: MatrixRow, role: RoleKey, via: Via): Verdict {
  if (row.sessionOnly && via === 'key') return 'session-only';
  return row.allowed.includes(role) ? 'allowed' : 'denied';
}

function expectedLabel(row: MatrixRow, verdict: Verdict): string {
  if (verdict === 'allowed') return '2xx';
  if (verdict === 'session-only') return '403 (API keys cannot)';
  return row.denied?.label ?? `403 naming "${row.permission}"`;
}

for (const row of MATRIX) {
  describe(row.row, () => {
    for (const role of ROLE_KEYS) {
      for (const via of ['session', 'key'] as const) {
        const verdict = verdictOf(row, role, via);
        it(`${role} via ${via}: ${row.row} → ${expectedLabel(row, verdict)}`, async () => {
          const ctx = contextFor(role, via);
          const attempts = await row.attempt(ctx);
          if (verdict === 'allowed') {
            for (const { response } of attempts) expectOk(response);
          } else if (verdict === 'session-only') {
            for (const { response, url } of attempts) expectRefusal(response, url, 403, /API key/);
          } else if (row.denied) {
            row.denied.check(attempts, ctx);
          } else {
            const names = [row.permission, ...(row.orNames ?? [])].join('|');
            for (const { response, url } of attempts)
              expectRefusal(response, url, 403, new RegExp(`"(${names})"`));
          }
        });
      }
    }
  });
}

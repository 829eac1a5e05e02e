/**
 * "Shown once, stored hashed": a real server on a real data folder is used the way people use it
 * (keys created, used, misused, listed, deleted; an invitation sent and accepted; requests over HTTP),
 * then shut down. Afterwards no plaintext key and no invitation token may be found in any file of the
 * data folder, in any log line, or in any response except the one that created it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyDigest } from '@socifyr/keys';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/database.js';
import type { ApiKeyRow } from '../db/tables.js';
import { resolveKeySecret } from '../keys/server-secret.js';
import { rateLimitPolicy } from '../limits/rate-limiter.js';
import { createHarness, type Harness, keyHeaders, type Person, sessionHeaders, signUp } from './harness.js';
import { leaksIn, type Recorded, readAllFiles } from './secrets.helpers.js';

/** Every secret the scenario produced, and every place it could have leaked to. */
const seen = {
  keys: [] as string[],
  tokens: [] as string[],
  /** Responses other than the one that created a secret: body and headers. */
  responses: [] as Recorded[],
  files: [] as Recorded[],
  keyRows: [] as ApiKeyRow[],
  logs: [] as string[],
  queryKeyLogLines: [] as string[],
  keySecret: '',
};

let dataDir: string;

async function runScenario(h: Harness): Promise<void> {
  const record = (what: string, body: string, headers: object) =>
    seen.responses.push({ what, text: `${body}\n${JSON.stringify(headers)}` });
  const call = async (what: string, options: InjectOptions) => {
    const response = await h.app.inject(options);
    record(what, response.body, response.headers);
    return response;
  };
  const createKey = async (person: Person, label: string) => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/workspaces/${person.workspaceId}/api-keys`,
      headers: sessionHeaders(person),
      payload: { label },
    });
    expect(response.statusCode, response.body).toBe(201);
    const data = response.json().data as { plaintext: string; key: { id: string } };
    seen.keys.push(data.plaintext);
    return data;
  };

  const ada = await signUp(h.app, 'Ada');
  const bob = await signUp(h.app, 'Bob');
  const a = await createKey(ada, 'Production backend');
  const b = await createKey(ada, 'CI bot');
  const c = await createKey(bob, 'Bob script');

  // Successful use.
  for (const [what, options] of [
    ['me', { url: '/api/auth/me', headers: keyHeaders(a.plaintext) }],
    ['workspaces', { url: '/api/workspaces', headers: keyHeaders(a.plaintext, ada.workspaceId) }],
    [
      'connection',
      {
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/connections`,
        headers: keyHeaders(a.plaintext),
        payload: { platform: 'x', handle: 'brand' },
      },
    ],
    [
      'post',
      {
        method: 'POST',
        url: '/api/content/text',
        headers: keyHeaders(b.plaintext),
        payload: { connections: ['x-brand'], text: 'Hello' },
      },
    ],
    ['content', { url: '/api/content', headers: keyHeaders(c.plaintext) }],
  ] as [string, InjectOptions][]) {
    const response = await call(what, options);
    expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(300);
  }

  // Failures: another workspace, a deleted key, and near misses of a real key.
  const failures: [string, InjectOptions, number][] = [
    [
      'wrong X-Workspace-Id',
      { url: '/api/workspaces', headers: keyHeaders(a.plaintext, bob.workspaceId) },
      403,
    ],
    [
      'other workspace in path',
      { url: `/api/workspaces/${bob.workspaceId}/api-keys`, headers: keyHeaders(a.plaintext) },
      403,
    ],
    [
      'bad body',
      {
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/api-keys`,
        headers: keyHeaders(a.plaintext),
        payload: { label: 5 },
      },
      400,
    ],
    ['upper case', { url: '/api/auth/me', headers: keyHeaders(a.plaintext.toUpperCase()) }, 401],
    ['truncated', { url: '/api/auth/me', headers: keyHeaders(a.plaintext.slice(0, -1)) }, 401],
    ['one too long', { url: '/api/auth/me', headers: keyHeaders(`${a.plaintext}0`) }, 401],
    [
      'checksum off',
      {
        url: '/api/auth/me',
        headers: keyHeaders(`${a.plaintext.slice(0, -1)}${a.plaintext.endsWith('0') ? '1' : '0'}`),
      },
      401,
    ],
    [
      'random part off',
      {
        url: '/api/auth/me',
        // One character of the random part changed (to another one: a key may well hold a 0 there).
        headers: keyHeaders(
          `sk_${a.plaintext.slice(3, 10)}${a.plaintext[10] === '0' ? '1' : '0'}${a.plaintext.slice(11)}`,
        ),
      },
      401,
    ],
    ['no prefix', { url: '/api/auth/me', headers: keyHeaders(a.plaintext.slice(3)) }, 401],
    ['Basic scheme', { url: '/api/auth/me', headers: { authorization: `Basic ${a.plaintext}` } }, 401],
    ['key in X-Api-Key only', { url: '/api/auth/me', headers: { 'x-api-key': a.plaintext } }, 401],
    [
      'echo: key in an unknown path',
      { url: `/api/nope/${a.plaintext}`, headers: keyHeaders(b.plaintext) },
      404,
    ],
    [
      'echo: key as a workspace id',
      { url: `/api/workspaces/${a.plaintext}/api-keys`, headers: keyHeaders(b.plaintext) },
      403,
    ],
  ];
  for (const [what, options, status] of failures) {
    const response = await call(what, options);
    expect(response.statusCode, `${what}: ${response.body}`).toBe(status);
  }

  // Listing, deleting, and using the deleted key.
  const list = await call('list', {
    url: `/api/workspaces/${ada.workspaceId}/api-keys`,
    headers: sessionHeaders(ada),
  });
  expect(list.json().data).toHaveLength(2);
  const del = await call('delete', {
    method: 'DELETE',
    url: `/api/workspaces/${ada.workspaceId}/api-keys/${b.key.id}`,
    headers: sessionHeaders(ada),
  });
  expect(del.statusCode).toBe(200);
  expect(
    (await call('deleted key', { url: '/api/auth/me', headers: keyHeaders(b.plaintext) })).statusCode,
  ).toBe(401);

  // An invitation: its token is a secret too.
  const carol = await signUp(h.app, 'Carol');
  const invite = await h.app.inject({
    method: 'POST',
    url: `/api/workspaces/${ada.workspaceId}/invitations`,
    headers: sessionHeaders(ada),
    payload: { email: carol.email, roleKey: 'EDITOR' },
  });
  expect(invite.statusCode, invite.body).toBe(201);
  const token = invite.json().data.token as string;
  seen.tokens.push(token);
  await call('invitations', {
    url: `/api/workspaces/${ada.workspaceId}/invitations`,
    headers: sessionHeaders(ada),
  });
  // The invitation link as a browser opens it (a dashboard page), and as a sign-in page's return path.
  await call('invitation link', { url: `/invitations/accept?token=${token}&email=${carol.email}` });
  await call('sign-in return path', {
    url: `/sign-in?next=${encodeURIComponent(`/invitations/accept?token=${token}`)}`,
  });
  const accept = await call('accept', {
    method: 'POST',
    url: '/api/invitations/accept',
    headers: sessionHeaders(carol),
    payload: { token },
  });
  expect(accept.statusCode, accept.body).toBeLessThan(300);
  await call('members', { url: `/api/workspaces/${ada.workspaceId}/members`, headers: sessionHeaders(ada) });

  // A key pasted into a query string: the request fails or not, but the log must mask it.
  const before = h.logs.length;
  await call('key in query', { url: `/api/content?key=${a.plaintext}`, headers: keyHeaders(a.plaintext) });
  seen.queryKeyLogLines = h.logs.slice(before);

  // Over real HTTP, as a deployed client would call it.
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  for (const [what, path, headers] of [
    ['http me', '/api/auth/me', keyHeaders(a.plaintext)],
    ['http query key', `/api/content?key=${a.plaintext}`, keyHeaders(a.plaintext)],
    ['http malformed', '/api/auth/me', keyHeaders(a.plaintext.slice(0, 40))],
    ['http deleted', '/api/auth/me', keyHeaders(b.plaintext)],
  ] as [string, string, Record<string, string>][]) {
    const response = await fetch(`${address}${path}`, { headers });
    record(what, await response.text(), Object.fromEntries(response.headers));
  }

  seen.keyRows = await h.db.selectFrom('api_keys').selectAll().execute();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'socifyr-secrets-'));
  // The secret as the embedded default keeps it: a file in the data folder (which the scan below also reads).
  seen.keySecret = resolveKeySecret(undefined, dataDir).secret;
  const db = await openSqlite({ dataDir });
  // Generous per-key limits: this test is about secrets, and a 429 would only hide what it looks for.
  const h = await createHarness({ db, keySecret: seen.keySecret, policy: rateLimitPolicy(1000, 1000) });
  try {
    await runScenario(h);
  } finally {
    await h.close(); // flushes pending lastUsedAt writes
    await db.destroy(); // checkpoints the WAL into the database file
    seen.logs = h.logs;
  }
  seen.files = readAllFiles(dataDir);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('API keys are shown once and stored hashed', () => {
  it('ran the scenario: three keys, one invitation, a database file and a secret file on disk', () => {
    expect(seen.keys).toHaveLength(3);
    expect(seen.tokens).toHaveLength(1);
    const names = seen.files.map((f) => f.what.slice(dataDir.length + 1));
    expect(names).toContain('socifyr.db');
    expect(names).toContain('key-secret');
    expect(seen.logs.length).toBeGreaterThan(20);
  });

  it('the leak detector itself finds a key whole, re-cased, or cut short', () => {
    const key = seen.keys[0]!;
    for (const text of [key, key.toUpperCase(), `token=${key.slice(0, 30)}`, key.slice(20, 40)]) {
      expect(leaksIn([{ what: 'sample', text }], [key])).toHaveLength(1);
    }
    expect(leaksIn([{ what: 'hint', text: `${key.slice(0, 7)}…${key.slice(-4)}` }], [key])).toEqual([]);
  });

  it('no file of the data folder contains a key or its random part', () => {
    // The scan reads real data: the database file holds the labels and digests in clear.
    const db = seen.files.find((f) => f.what.endsWith('socifyr.db'))!;
    expect(db.text).toContain('Production backend');
    expect(db.text).toContain(seen.keyRows[0]!.digest);
    expect(leaksIn(seen.files, seen.keys)).toEqual([]);
  });

  it('no log line contains a key, not even one sent in a query string or a path', () => {
    const lines = seen.logs.map((text, i) => ({ what: `log line ${i}`, text }));
    expect(leaksIn(lines, seen.keys)).toEqual([]);
  });

  it('no response other than the create response contains a key', () => {
    expect(seen.responses.length).toBeGreaterThan(25);
    const ordinary = seen.responses.filter((r) => !r.what.startsWith('echo:'));
    expect(leaksIn(ordinary, seen.keys)).toEqual([]);
  });

  it('an error does not echo a key that was pasted into the URL path (API.md: never in an error)', () => {
    const echoes = seen.responses.filter((r) => r.what.startsWith('echo:'));
    expect(echoes).toHaveLength(2);
    expect(leaksIn(echoes, seen.keys)).toEqual([]);
  });

  it('the api_keys table holds HMAC-SHA-256 digests under the server secret, never the key', () => {
    expect(seen.keyRows).toHaveLength(2); // one of the three was deleted
    for (const row of seen.keyRows) {
      expect(row.digest).toMatch(/^[0-9a-f]{64}$/);
      const plaintext = seen.keys.find((k) => keyDigest(seen.keySecret, k) === row.digest);
      expect(plaintext, 'digest = HMAC-SHA-256(secret, key)').toBeDefined();
      expect(row.digest).not.toContain(plaintext!.slice(3, 59));
      expect(row.hint).toBe(`${plaintext!.slice(0, 7)}…${plaintext!.slice(-4)}`);
    }
    const rows = seen.keyRows.map((row) => ({ what: `row ${row.id}`, text: JSON.stringify(row) }));
    expect(leaksIn(rows, seen.keys)).toEqual([]);
  });

  it('a key sent in a query string is masked in the log lines of that request', () => {
    const lines = seen.queryKeyLogLines.join('\n');
    expect(lines).toContain('/api/content?key=[redacted]');
    expect(lines).not.toContain(seen.keys[0]!.slice(3, 20));
  });
});

describe('invitation tokens are shown once', () => {
  it('appear in no file, no log line, and no response but the invitation create response', () => {
    expect(leaksIn(seen.files, seen.tokens)).toEqual([]);
    expect(
      leaksIn(
        seen.logs.map((text, i) => ({ what: `log line ${i}`, text })),
        seen.tokens,
      ),
    ).toEqual([]);
    expect(leaksIn(seen.responses, seen.tokens)).toEqual([]);
  });
});

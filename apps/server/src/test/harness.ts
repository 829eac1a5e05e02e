/**
 * Test harness: a real app on a private in-memory SQLite database, a fast (but real) argon2id,
 * every log line captured, and helpers for the flows most tests start with.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { type App, type AppDeps, buildApp } from '../app.js';
import { argon2Hasher } from '../auth/passwords.js';
import { openSqlite } from '../db/database.js';
import type { Db, RoleKey } from '../db/tables.js';

export const TEST_KEY_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
/** Fast argon2id for tests: still the real algorithm, with little memory. */
export const testPasswords = argon2Hasher({ memoryCostKib: 1024, timeCost: 1 });

export interface Harness {
  app: App;
  db: Db;
  /** Every log line written so far, as raw JSON text. */
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<AppDeps> {
  /** Runs before the app is ready, e.g. to add a route that only a test needs. */
  beforeReady?: (app: App) => void;
}

export async function createHarness({ beforeReady, ...overrides }: HarnessOptions = {}): Promise<Harness> {
  const db = overrides.db ?? (await openSqlite({ dataDir: ':memory:' }));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    db,
    keySecret: TEST_KEY_SECRET,
    passwords: testPasswords,
    logLevel: 'debug',
    logStream,
    ...overrides,
  });
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    logs,
    async close() {
      await app.close();
      if (!overrides.db) await db.destroy();
    },
  };
}

export interface Person {
  userId: string;
  email: string;
  name: string;
  /** Cookie header value for this person's session. */
  cookie: string;
  /** Their own workspace, created at sign-up. */
  workspaceId: string;
}

let counter = 0;

/** Signs up a new person through the API; returns their session and first workspace. */
export async function signUp(app: App, name = `User ${++counter}`): Promise<Person> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}.${++counter}@example.com`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, password: 'correct horse battery', name },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.body}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const data = me.json().data;
  return { userId: data.user.id, email, name, cookie, workspaceId: data.workspaces[0].id };
}

/** Headers for a cookie-authenticated write (session + CSRF header). */
export const sessionHeaders = (person: Person) => ({ cookie: person.cookie, 'x-requested-with': 'socifyr' });
export const keyHeaders = (plaintext: string, workspaceId?: string) => ({
  authorization: `Bearer ${plaintext}`,
  ...(workspaceId ? { 'x-workspace-id': workspaceId } : {}),
});

/** Creates an API key as `person` in `workspaceId`; returns the plaintext and the key object. */
export async function createKey(
  app: App,
  person: Person,
  workspaceId = person.workspaceId,
  label = 'Test key',
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/api-keys`,
    headers: sessionHeaders(person),
    payload: { label },
  });
  if (response.statusCode !== 201) throw new Error(`create key failed: ${response.body}`);
  return response.json().data as { plaintext: string; key: { id: string; hint: string } };
}

/**
 * Adds `member` to `owner`'s workspace with `role`, through the real invitation flow
 * (invite by the owner, accept by the member).
 */
export async function addMember(
  app: App,
  owner: Person,
  member: Person,
  role: Exclude<RoleKey, 'OWNER'>,
  workspaceId = owner.workspaceId,
) {
  const invite = await app.inject({
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/invitations`,
    headers: sessionHeaders(owner),
    payload: { email: member.email, roleKey: role },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.body}`);
  const accept = await app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: sessionHeaders(member),
    payload: { token: invite.json().data.token },
  });
  if (accept.statusCode !== 200 && accept.statusCode !== 201)
    throw new Error(`accept failed: ${accept.body}`);
}

/** Asserts the error envelope shape and returns it. */
export function expectError(response: LightMyRequestResponse, status: number) {
  const body = response.json();
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  if (
    body.success !== false ||
    body.statusCode !== status ||
    typeof body.path !== 'string' ||
    typeof body.timestamp !== 'string'
  ) {
    throw new Error(`not an error envelope: ${response.body}`);
  }
  return body as {
    success: false;
    error: string | string[];
    statusCode: number;
    path: string;
    timestamp: string;
  };
}

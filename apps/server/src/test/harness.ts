/**
 * Test harness: a real app on a private in-memory SQLite database, a fast (but real) argon2id,
 * every log line captured, clocks tests can move, and helpers for the flows most tests start with.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { type App, type AppDeps, buildApp } from '../app.js';
import { argon2Hasher } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import type { Db, RoleKey } from '../db/tables.js';
import { RedisBus } from '../events/redis-bus.js';
import { openTestDatabase, openTestRedis } from './test-stores.js';

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
  const database = overrides.db ? undefined : await openTestDatabase();
  const db = overrides.db ?? database!.db;
  // Shared stores only where a test has not chosen its own.
  const redis = overrides.rateLimits || overrides.bus ? undefined : await openTestRedis();
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
    redis: redis?.redis,
    redisPrefix: redis?.prefix,
    ...overrides,
  });
  beforeReady?.(app);
  await app.ready();
  // On Redis, the app hears other apps' invalidations only once subscribed.
  if (app.socifyr.bus instanceof RedisBus) await app.socifyr.bus.subscribedOnce;
  return {
    app,
    db,
    logs,
    async close() {
      await app.close();
      await database?.close();
      await redis?.close();
    },
  };
}

type HarnessSetup = HarnessOptions | (() => HarnessOptions);

/** A harness built by `before` and closed by `after`; the object returned always reaches the current one. */
function liveHarness(
  setup: HarnessSetup,
  before: (hook: () => Promise<void>) => void,
  after: (hook: () => Promise<void>) => void,
): Harness {
  let current: Harness | undefined;
  before(async () => {
    current = await createHarness(typeof setup === 'function' ? setup() : setup);
  });
  after(async () => {
    await current?.close();
    current = undefined;
  });
  const get = () => {
    if (!current) throw new Error('The harness exists only while a test or its hooks run');
    return current;
  };
  return {
    get app() {
      return get().app;
    },
    get db() {
      return get().db;
    },
    get logs() {
      return get().logs;
    },
    close: () => get().close(),
  };
}

/**
 * A fresh harness for every test of the file, closed after it. `setup` may be a function, called
 * before each test, for options that must be new each time (a clock, say). Hooks registered after
 * this call run after the harness exists.
 */
export const useHarness = (setup: HarnessSetup = {}) => liveHarness(setup, beforeEach, afterEach);

/** One harness for the whole file, for suites that build a large fixture once and only read it. */
export const useFileHarness = (setup: HarnessSetup = {}) => liveHarness(setup, beforeAll, afterAll);

/** A clock that moves only when told to: tests `advance` it instead of sleeping. */
export class FakeClock implements Clock {
  private readonly start: number;
  private ms: number;
  constructor(start: number | string = Date.now()) {
    this.start = typeof start === 'string' ? Date.parse(start) : start;
    this.ms = this.start;
  }
  now = () => this.ms;
  iso = () => new Date(this.ms).toISOString();
  advance(ms: number) {
    this.ms += ms;
  }
  /** Back to the start time, for a clock that the tests of a file share. */
  reset(): this {
    this.ms = this.start;
    return this;
  }
}

/** A clock that moves 1 ms on every read, so things done one after the other never share a time. */
export class TickingClock implements Clock {
  constructor(private ms = Date.now()) {}
  now = () => ++this.ms;
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

export type Headers = Record<string, string>;

/** Headers for a cookie-authenticated write (session + CSRF header). */
export const sessionHeaders = (person: Person) => ({ cookie: person.cookie, 'x-requested-with': 'socifyr' });
/** Session headers of `person` acting in `workspaceId` rather than their own first workspace. */
export const actingIn = (person: Person, workspaceId: string): Headers => ({
  ...sessionHeaders(person),
  'x-workspace-id': workspaceId,
});
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
  if (accept.statusCode !== 201) throw new Error(`accept failed: ${accept.body}`);
}

export type Via = 'session' | 'key';
export const VIAS: Via[] = ['session', 'key'];

/** Headers acting as `person` in `workspaceId`: their session, or a fresh key they created there. */
export async function headersVia(app: App, person: Person, workspaceId: string, via: Via): Promise<Headers> {
  if (via === 'session') return sessionHeaders(person);
  return keyHeaders((await createKey(app, person, workspaceId)).plaintext);
}

/** A key as Settings → API Keys lists it (the fields tests look at). */
export interface ListedKey {
  id: string;
  label: string;
  status: 'active' | 'inactive';
  roleKey: RoleKey | null;
  lastUsedAt: string | null;
}

/** The keys `person` sees in `workspaceId`; asserts that the list answered 200. */
export async function listKeys(app: App, person: Person, workspaceId = person.workspaceId) {
  const response = await app.inject({
    url: `/api/workspaces/${workspaceId}/api-keys`,
    headers: sessionHeaders(person),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as ListedKey[];
}

/** Who sends a request: a person through their session, or ready-made headers (an API key's, say). */
export type Sender = Person | Headers;
const isPerson = (by: Sender): by is Person => 'userId' in by && 'cookie' in by;
const headersOf = (by: Sender): Headers => (isPerson(by) ? sessionHeaders(by) : by);
function workspaceOf(by: Sender): string {
  if (isPerson(by)) return by.workspaceId;
  throw new Error('Pass the workspaceId: headers alone do not say which workspace is meant');
}

/** Removes member `userId` from `workspaceId` (default: `by`'s own) as `by`; returns the response. */
export const removeMember = (app: App, by: Sender, userId: string, workspaceId = workspaceOf(by)) =>
  app.inject({
    method: 'DELETE',
    url: `/api/workspaces/${workspaceId}/members/${userId}`,
    headers: headersOf(by),
  });

/** Gives member `userId` the role `roleKey` in `workspaceId` (default: `by`'s own) as `by`. */
export const changeRole = (
  app: App,
  by: Sender,
  userId: string,
  roleKey: RoleKey,
  workspaceId = workspaceOf(by),
) =>
  app.inject({
    method: 'PATCH',
    url: `/api/workspaces/${workspaceId}/members/${userId}`,
    headers: headersOf(by),
    payload: { roleKey },
  });

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

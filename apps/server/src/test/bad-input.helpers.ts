/**
 * Shared machinery of the bad-input suites: one table row is one request that must be refused with a
 * 4xx in the error envelope, a readable message, and nothing changed in the database.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Tables } from '../db/tables.js';
import { rateLimitPolicy } from '../limits/rate-limiter.js';
import { expectError, type Harness, type Person, sessionHeaders, useHarness } from './harness.js';

/** A string of `n` characters, for "very long" inputs. */
export const longString = (n: number) => 'x'.repeat(n);
export const HUGE = longString(100_000);

/** A fresh harness per test, with per-key limits so high a long table of requests never meets a 429. */
export const useBadInputHarness = () =>
  useHarness({ policy: rateLimitPolicy(1_000_000, 1_000_000), lastUsedFlushIntervalMs: 3_600_000 });

/** Gives `person`'s own workspace the connection x-brand, through the API. */
export async function connectBrand(h: Harness, person: Person) {
  const connection = await h.app.inject({
    method: 'POST',
    url: `/api/workspaces/${person.workspaceId}/connections`,
    headers: sessionHeaders(person),
    payload: { platform: 'x', handle: 'brand' },
  });
  expect(connection.statusCode, connection.body).toBe(201);
}

export interface BadCase {
  name: string;
  /** A JSON body; ignored when `raw` is given. */
  payload?: unknown;
  /** A body sent as is, with its content type. */
  raw?: { body: string | Buffer; contentType?: string };
  /** Query string for GET routes, without the `?`. */
  query?: string;
  /** Expected status; default 400. '4xx' when the contract leaves the exact status open. */
  status?: number | '4xx';
  /** Sentences that must each appear (exactly) in the error. */
  messages?: string[];
  /** A word the error must mention (e.g. the field name) when the exact sentence is not fixed. */
  mentions?: string;
}

export interface RouteUnderTest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  /** Tables whose full content must be identical before and after a refused request. */
  tables: (keyof Tables)[];
}

/** Everything in the given tables, so "nothing stored" compares whole rows, not just counts. */
export async function snapshot(h: Harness, tables: (keyof Tables)[]): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = await h.db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
}

/** The error as an array of sentences, whether the server sent one string or a list. */
export const errorLines = (error: string | string[]) => (Array.isArray(error) ? error : [error]);

/** Sends one bad request and checks the refusal: status, envelope, readable message, nothing stored. */
export async function expectRefused(
  h: Harness,
  route: RouteUnderTest,
  c: BadCase,
): Promise<LightMyRequestResponse> {
  const before = await snapshot(h, route.tables);
  const headers: Record<string, string> = { ...route.headers };
  let payload: string | Buffer | undefined;
  if (c.raw) {
    payload = c.raw.body;
    if (c.raw.contentType) headers['content-type'] = c.raw.contentType;
  } else if ('payload' in c) {
    payload = JSON.stringify(c.payload);
    headers['content-type'] = 'application/json';
  }
  const url = c.query === undefined ? route.url : `${route.url}?${c.query}`;
  const response = await h.app.inject({ method: route.method, url, headers, payload });

  const context = `${c.name}: ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, context).not.toBe(500);
  const status = c.status ?? 400;
  if (status === '4xx') {
    expect(response.statusCode, context).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, context).toBeLessThan(500);
  }
  const envelope = expectError(response, status === '4xx' ? response.statusCode : status);
  const lines = errorLines(envelope.error);
  expect(lines.length, context).toBeGreaterThan(0);
  for (const line of lines) {
    // Readable: a sentence, not a stack or a dump of the input.
    expect(line, context).toMatch(/[a-z]/i);
    expect(line.length, context).toBeLessThan(500);
    expect(line, context).not.toMatch(/\n\s+at |SQLITE|sqlite|SELECT |INSERT /);
  }
  // API.md: a validation failure lists its problems as an array of sentences.
  if (c.messages?.length) expect(Array.isArray(envelope.error), `${context}: error is an array`).toBe(true);
  for (const message of c.messages ?? []) expect(lines, context).toContain(message);
  if (c.mentions) expect(lines.join(' | '), context).toContain(c.mentions);

  expect(await snapshot(h, route.tables), `${c.name}: nothing stored`).toEqual(before);
  return response;
}

/** Routes and the cases each must refuse; a route is built when its test runs, once the fixture exists. */
export type RefusalTable = [title: string, route: () => RouteUnderTest, cases: BadCase[]][];

/** One describe per route and one test per case, each expecting the case refused (see expectRefused). */
export function describeRefusals(h: Harness, routes: RefusalTable) {
  for (const [title, route, cases] of routes) {
    describe(title, () => {
      it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
        await expectRefused(h, route(), c);
      });
    });
  }
}

export interface StringField {
  name: string;
  required: boolean;
  /** Upper bound in characters, when the contract gives one. */
  max?: number;
  /** Free text that must not be empty or blank (labels, names, text). */
  text?: boolean;
}

/**
 * The standard bad values for one string field of a body: wrong JSON types, missing, empty,
 * blank, very long, and a null byte (which PostgreSQL cannot store in text, so it must be refused).
 */
export function stringFieldCases(valid: Record<string, unknown>, field: StringField): BadCase[] {
  const { name } = field;
  const withValue = (value: unknown) => ({ ...valid, [name]: value });
  const cases: BadCase[] = [
    { name: `${name}: number`, payload: withValue(42), messages: [`${name} must be a string`] },
    { name: `${name}: boolean`, payload: withValue(true), messages: [`${name} must be a string`] },
    { name: `${name}: array`, payload: withValue(['a']), messages: [`${name} must be a string`] },
    { name: `${name}: object`, payload: withValue({ a: 1 }), messages: [`${name} must be a string`] },
    { name: `${name}: null`, payload: withValue(null), messages: [`${name} must be a string`] },
    { name: `${name}: 100 000 characters`, payload: withValue(HUGE), mentions: name },
    { name: `${name}: a null byte`, payload: withValue(`a\u0000b`), mentions: name },
  ];
  if (field.required) {
    const { [name]: _omitted, ...rest } = valid;
    cases.push({ name: `${name}: missing`, payload: rest, messages: [`${name} is required`] });
  }
  if (field.text) {
    cases.push(
      { name: `${name}: empty`, payload: withValue(''), messages: [`${name} should not be empty`] },
      { name: `${name}: whitespace only`, payload: withValue(' \t\n '), mentions: name },
    );
  }
  if (field.max !== undefined) {
    cases.push({
      name: `${name}: one over the limit`,
      payload: withValue(longString(field.max + 1)),
      messages: [`${name} must be at most ${field.max} characters`],
    });
  }
  return cases;
}

/** Cases every JSON-body route shares: bodies of the wrong kind, and an unknown field. */
export function bodyShapeCases(valid: Record<string, unknown>): BadCase[] {
  return [
    {
      name: 'unknown field',
      payload: { ...valid, foo: 1 },
      messages: ['property foo should not exist'],
    },
    { name: 'JSON null body', raw: { body: 'null', contentType: 'application/json' } },
    { name: 'JSON array body', raw: { body: JSON.stringify([valid]), contentType: 'application/json' } },
    { name: 'JSON string body', raw: { body: '"hello"', contentType: 'application/json' } },
    { name: 'text/plain body', raw: { body: JSON.stringify(valid), contentType: 'text/plain' } },
    { name: 'malformed JSON', raw: { body: '{"a": ', contentType: 'application/json' } },
    { name: 'no body', raw: { body: '', contentType: 'application/json' } },
  ];
}

/**
 * Bad input on connections and content: bodies and the list's query string.
 * Every refusal is a 4xx in the envelope with a readable message, never a 500, and stores nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type BadCase,
  bodyShapeCases,
  connectBrand,
  describeRefusals,
  expectRefused,
  HUGE,
  type RefusalTable,
  stringFieldCases,
  useBadInputHarness,
} from './bad-input.helpers.js';
import { type Person, sessionHeaders, signUp } from './harness.js';

const h = useBadInputHarness();
let ada: Person;
let postId: string;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
  await connectBrand(h, ada);
  const post = await h.app.inject({
    method: 'POST',
    url: '/api/content/text',
    headers: sessionHeaders(ada),
    payload: { connections: ['x-brand'], text: 'Hello' },
  });
  expect(post.statusCode, post.body).toBe(201);
  postId = post.json().data.id;
});

const validConnection = { platform: 'x', handle: 'other', name: 'Other brand' };
const connectionCases: BadCase[] = [
  ...bodyShapeCases(validConnection),
  ...stringFieldCases(validConnection, { name: 'platform', required: true }),
  ...stringFieldCases(validConnection, { name: 'handle', required: true }),
  ...stringFieldCases(validConnection, { name: 'name', required: false, text: true }),
  { name: 'platform: unknown', payload: { ...validConnection, platform: 'myspace' }, mentions: 'platform' },
  { name: 'platform: upper case', payload: { ...validConnection, platform: 'X' }, mentions: 'platform' },
  { name: 'handle: empty', payload: { ...validConnection, handle: '' }, mentions: 'handle' },
  { name: 'handle: whitespace only', payload: { ...validConnection, handle: '   ' }, mentions: 'handle' },
  { name: 'handle: with a space', payload: { ...validConnection, handle: 'my brand' }, mentions: 'handle' },
  { name: 'handle: a slash', payload: { ...validConnection, handle: '../etc' }, mentions: 'handle' },
  {
    name: 'slug already used (409)',
    payload: { platform: 'x', handle: 'brand' },
    status: 409,
    mentions: 'x-brand',
  },
];

const validPost = { connections: ['x-brand'], text: 'Hello world' };
const connectionsCases = (valid: Record<string, unknown>): BadCase[] => [
  {
    name: 'connections: empty',
    payload: { ...valid, connections: [] },
    messages: ['connections should not be empty'],
  },
  {
    name: 'connections: a string',
    payload: { ...valid, connections: 'x-brand' },
    messages: ['connections must be an array'],
  },
  {
    name: 'connections: null',
    payload: { ...valid, connections: null },
    messages: ['connections must be an array'],
  },
  {
    name: 'connections: an object',
    payload: { ...valid, connections: { 0: 'x-brand' } },
    messages: ['connections must be an array'],
  },
  {
    name: 'connections: a number inside',
    payload: { ...valid, connections: [1] },
    messages: ['connections[0] must be a string'],
  },
  {
    name: 'connections: an array inside',
    payload: { ...valid, connections: [['x-brand']] },
    messages: ['connections[0] must be a string'],
  },
  {
    name: 'connections: unknown slug',
    payload: { ...valid, connections: ['nope'] },
    mentions: 'Connection "nope" not found',
  },
  {
    name: 'connections: a 100 000-character slug',
    payload: { ...valid, connections: [HUGE] },
    mentions: 'connections',
  },
  {
    name: 'connections: 100 000 slugs',
    payload: { ...valid, connections: Array.from({ length: 100_000 }, (_, i) => `x-${i}`) },
    mentions: 'connections',
  },
  {
    name: 'connections: a null byte',
    payload: { ...valid, connections: ['x-brand\u0000'] },
    // Refused as an unknown slug, which is right: no connection can have a null byte in its slug.
    mentions: 'Connection "x-brand',
  },
];
const scheduleCases = (valid: Record<string, unknown>): BadCase[] => [
  {
    name: 'scheduledAt: a number',
    payload: { ...valid, scheduledAt: 1_900_000_000_000 },
    mentions: 'scheduledAt must be a string',
  },
  { name: 'scheduledAt: words', payload: { ...valid, scheduledAt: 'tomorrow' }, mentions: 'scheduledAt' },
  {
    name: 'scheduledAt: no time zone',
    payload: { ...valid, scheduledAt: '2999-01-01T09:00:00' },
    mentions: 'scheduledAt',
  },
  {
    name: 'scheduledAt: an impossible date',
    payload: { ...valid, scheduledAt: '2999-02-30T09:00:00Z' },
    mentions: 'scheduledAt',
  },
  {
    name: 'scheduledAt: in the past',
    payload: { ...valid, scheduledAt: '2000-01-01T00:00:00Z' },
    mentions: 'scheduledAt must be in the future',
  },
  {
    name: 'scheduledAt: 100 000 characters',
    payload: { ...valid, scheduledAt: HUGE },
    mentions: 'scheduledAt',
  },
];

const createPostCases: BadCase[] = [
  ...bodyShapeCases(validPost),
  ...stringFieldCases(validPost, { name: 'text', required: true, max: 10_000, text: true }),
  { name: 'connections: missing', payload: { text: 'Hi' }, messages: ['connections is required'] },
  ...connectionsCases(validPost),
  ...scheduleCases(validPost),
];

const updatePostCases: BadCase[] = [
  ...bodyShapeCases({ text: 'Changed' }),
  ...stringFieldCases({ text: 'Changed' }, { name: 'text', required: false, max: 10_000, text: true }),
  ...connectionsCases({}),
  ...scheduleCases({}),
];

const listCases: BadCase[] = [
  {
    name: 'status: unknown',
    query: 'status=published',
    messages: ['status must be one of: draft, scheduled, archived'],
  },
  { name: 'status: empty', query: 'status=', mentions: 'status' },
  { name: 'status: a null byte', query: 'status=draft%00', mentions: 'status' },
  { name: 'page: 0', query: 'page=0', messages: ['page must not be less than 1'] },
  { name: 'page: negative', query: 'page=-3', messages: ['page must not be less than 1'] },
  { name: 'page: words', query: 'page=two', messages: ['page must be an integer'] },
  { name: 'page: a fraction', query: 'page=1.5', messages: ['page must be an integer'] },
  { name: 'page: twice', query: 'page=1&page=2', mentions: 'page' },
  { name: 'limit: 0', query: 'limit=0', messages: ['limit must not be less than 1'] },
  { name: 'limit: 101', query: 'limit=101', messages: ['limit must not be greater than 100'] },
  { name: 'limit: empty', query: 'limit=', mentions: 'limit' },
  // Numbers too large for a double turn into Infinity when the query is coerced; they must not get through.
  { name: 'limit: 100 000 digits', query: `limit=${'9'.repeat(100_000)}`, mentions: 'limit' },
  { name: 'limit: 1e400', query: 'limit=1e400', mentions: 'limit' },
  { name: 'page: 1e400', query: 'page=1e400', mentions: 'page' },
  { name: 'page: 400 digits', query: `page=${'9'.repeat(400)}`, mentions: 'page' },
  { name: 'unknown parameter', query: 'foo=1', messages: ['property foo should not exist'] },
  {
    name: 'several problems',
    query: 'page=0&limit=500&status=x',
    messages: [
      'page must not be less than 1',
      'limit must not be greater than 100',
      'status must be one of: draft, scheduled, archived',
    ],
  },
];

describe('bad input: connections and content', () => {
  const routes: RefusalTable = [
    [
      'POST /api/workspaces/:id/connections',
      () => ({
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/connections`,
        headers: sessionHeaders(ada),
        tables: ['connections'],
      }),
      connectionCases,
    ],
    [
      'POST /api/content/text',
      () => ({ method: 'POST', url: '/api/content/text', headers: sessionHeaders(ada), tables: ['posts'] }),
      createPostCases,
    ],
    [
      'PATCH /api/content/:postId',
      () => ({
        method: 'PATCH',
        url: `/api/content/${postId}`,
        headers: sessionHeaders(ada),
        tables: ['posts'],
      }),
      updatePostCases,
    ],
    [
      'GET /api/content',
      () => ({ method: 'GET', url: '/api/content', headers: sessionHeaders(ada), tables: ['posts'] }),
      listCases,
    ],
  ];
  describeRefusals(h, routes);

  it('reports every problem of a post at once', async () => {
    await expectRefused(
      h,
      { method: 'POST', url: '/api/content/text', headers: sessionHeaders(ada), tables: ['posts'] },
      {
        name: 'three problems',
        payload: { connections: [], text: 5, extra: true },
        messages: [
          'connections should not be empty',
          'text must be a string',
          'property extra should not exist',
        ],
      },
    );
  });

  it('answers an unknown post with 404, storing nothing', async () => {
    await expectRefused(
      h,
      {
        method: 'PATCH',
        url: '/api/content/post_00000000000000000000000000aa',
        headers: sessionHeaders(ada),
        tables: ['posts'],
      },
      { name: 'unknown post', payload: { text: 'Changed' }, status: 404 },
    );
  });
});

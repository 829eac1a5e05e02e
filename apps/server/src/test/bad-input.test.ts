/**
 * Bad input on the routes of accounts, workspaces and API keys (transport-level cases: bad-input-transport):
 * every refusal is a 4xx in the envelope with a readable message, never a 500, and stores nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type BadCase,
  bodyShapeCases,
  describeRefusals,
  errorLines,
  expectRefused,
  type RefusalTable,
  type RouteUnderTest,
  stringFieldCases,
  useBadInputHarness,
} from './bad-input.helpers.js';
import { createKey, keyHeaders, type Person, sessionHeaders, signUp } from './harness.js';

const h = useBadInputHarness();
let ada: Person;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
});

const validSignup = { email: 'new.person@example.com', password: 'correct horse battery', name: 'New' };
const validLogin = { email: 'ada@example.com', password: 'correct horse battery' };

const signupCases: BadCase[] = [
  ...bodyShapeCases(validSignup),
  ...stringFieldCases(validSignup, { name: 'email', required: true }),
  ...stringFieldCases(validSignup, { name: 'name', required: true, max: 100, text: true }),
  {
    name: 'email: not an address',
    payload: { ...validSignup, email: 'nope' },
    messages: ['email must be an email address, e.g. ada@example.com'],
  },
  { name: 'email: empty', payload: { ...validSignup, email: '' }, mentions: 'email' },
  {
    name: 'email: a null byte before the @',
    payload: { ...validSignup, email: 'new\u0000@example.com' },
    mentions: 'email',
  },
  {
    name: 'password: missing',
    payload: { email: validSignup.email, name: 'New' },
    messages: ['password is required'],
  },
  {
    name: 'password: number',
    payload: { ...validSignup, password: 1234567890 },
    messages: ['password must be a string'],
  },
  {
    name: 'password: 9 characters',
    payload: { ...validSignup, password: '123456789' },
    messages: ['password must be at least 10 characters'],
  },
  {
    name: 'password: 100 000 characters',
    payload: { ...validSignup, password: 'p'.repeat(100_000) },
    mentions: 'password',
  },
];

const loginCases: BadCase[] = [
  ...bodyShapeCases(validLogin),
  { name: 'email: missing', payload: { password: 'x'.repeat(12) }, messages: ['email is required'] },
  { name: 'password: missing', payload: { email: 'a@example.com' }, messages: ['password is required'] },
  { name: 'email: number', payload: { ...validLogin, email: 5 }, messages: ['email must be a string'] },
  {
    name: 'password: object',
    payload: { ...validLogin, password: { $ne: '' } },
    messages: ['password must be a string'],
  },
  {
    name: 'password: array',
    payload: { ...validLogin, password: ['a'] },
    messages: ['password must be a string'],
  },
  {
    name: 'email: 100 000 characters',
    payload: { ...validLogin, email: 'e'.repeat(100_000) },
    mentions: 'email',
  },
  {
    name: 'password: 100 000 characters',
    payload: { ...validLogin, password: 'p'.repeat(100_000) },
    mentions: 'password',
  },
  { name: 'email: empty', payload: { ...validLogin, email: '' }, mentions: 'email' },
  // Never looked up as is: PostgreSQL refuses a null byte in text, which would be a 500.
  { name: 'email: a null byte', payload: { ...validLogin, email: 'ada\u0000@example.com' }, status: '4xx' },
];

const nameCases: BadCase[] = [
  ...bodyShapeCases({ name: 'Acme' }),
  ...stringFieldCases({ name: 'Acme' }, { name: 'name', required: true, max: 100, text: true }),
];

const labelCases: BadCase[] = [
  ...bodyShapeCases({ label: 'CI bot' }),
  ...stringFieldCases({ label: 'CI bot' }, { name: 'label', required: true, max: 100, text: true }),
];

describe('bad input: accounts, workspaces and API keys', () => {
  const routes: RefusalTable = [
    [
      'POST /api/auth/signup',
      () => ({
        method: 'POST',
        url: '/api/auth/signup',
        headers: {},
        tables: ['users', 'workspaces', 'memberships', 'sessions'],
      }),
      signupCases,
    ],
    [
      'POST /api/auth/login',
      () => ({ method: 'POST', url: '/api/auth/login', headers: {}, tables: ['sessions'] }),
      loginCases,
    ],
    [
      'POST /api/workspaces',
      () => ({
        method: 'POST',
        url: '/api/workspaces',
        headers: sessionHeaders(ada),
        tables: ['workspaces', 'memberships'],
      }),
      nameCases,
    ],
    [
      'PATCH /api/workspaces/:id',
      () => ({
        method: 'PATCH',
        url: `/api/workspaces/${ada.workspaceId}`,
        headers: sessionHeaders(ada),
        tables: ['workspaces'],
      }),
      nameCases,
    ],
    [
      'POST /api/workspaces/:id/api-keys',
      () => ({
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/api-keys`,
        headers: sessionHeaders(ada),
        tables: ['api_keys'],
      }),
      labelCases,
    ],
  ];
  describeRefusals(h, routes);

  it('refuses the same bad label when it comes with an API key instead of a session', async () => {
    const { plaintext } = await createKey(h.app, ada);
    const route: RouteUnderTest = {
      method: 'POST',
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: keyHeaders(plaintext),
      tables: ['api_keys'],
    };
    await expectRefused(h, route, {
      name: 'label: number',
      payload: { label: 7 },
      messages: ['label must be a string'],
    });
    await expectRefused(h, route, { name: 'label: missing', payload: {}, messages: ['label is required'] });
  });

  it('reports every problem of one request at once, as an array', async () => {
    const response = await expectRefused(
      h,
      { method: 'POST', url: '/api/auth/signup', headers: {}, tables: ['users'] },
      {
        name: 'four problems',
        payload: { email: 5, password: 'short', foo: 1 },
        messages: [
          'email must be a string',
          'password must be at least 10 characters',
          'name is required',
          'property foo should not exist',
        ],
      },
    );
    expect(errorLines(response.json().error)).toHaveLength(4);
  });
});

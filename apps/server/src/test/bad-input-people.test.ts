/**
 * Bad input on members and invitations: role changes, invitations and accepting them.
 * Every refusal is a 4xx in the envelope with a readable message, never a 500, and stores nothing.
 */
import { beforeEach, describe, it } from 'vitest';
import {
  type BadCase,
  bodyShapeCases,
  describeRefusals,
  expectRefused,
  type RefusalTable,
  stringFieldCases,
  useBadInputHarness,
} from './bad-input.helpers.js';
import { addMember, type Person, sessionHeaders, signUp } from './harness.js';

const h = useBadInputHarness();
let ada: Person;
let bob: Person;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
  bob = await signUp(h.app, 'Bob');
  await addMember(h.app, ada, bob, 'EDITOR');
});

const ALL_ROLES = 'roleKey must be one of: OWNER, ADMIN, EDITOR, CONTRIBUTOR';

const roleCases: BadCase[] = [
  ...bodyShapeCases({ roleKey: 'ADMIN' }),
  ...stringFieldCases({ roleKey: 'ADMIN' }, { name: 'roleKey', required: true }),
  { name: 'roleKey: lower case', payload: { roleKey: 'admin' }, messages: [ALL_ROLES] },
  { name: 'roleKey: unknown role', payload: { roleKey: 'SUPERUSER' }, messages: [ALL_ROLES] },
  { name: 'roleKey: empty', payload: { roleKey: '' }, messages: [ALL_ROLES] },
  { name: 'roleKey: padded', payload: { roleKey: ' ADMIN ' }, messages: [ALL_ROLES] },
];

const validInvite = { email: 'carol@example.com', roleKey: 'EDITOR' };
const inviteCases: BadCase[] = [
  ...bodyShapeCases(validInvite),
  ...stringFieldCases(validInvite, { name: 'email', required: true }),
  ...stringFieldCases(validInvite, { name: 'roleKey', required: true }),
  { name: 'email: not an address', payload: { ...validInvite, email: 'carol' }, mentions: 'email' },
  { name: 'email: empty', payload: { ...validInvite, email: '' }, mentions: 'email' },
  {
    name: 'email: a null byte before the @',
    payload: { ...validInvite, email: 'carol\u0000@example.com' },
    mentions: 'email',
  },
  { name: 'email: whitespace only', payload: { ...validInvite, email: '   ' }, mentions: 'email' },
  // API.md: an invitation cannot grant OWNER.
  { name: 'roleKey: OWNER', payload: { ...validInvite, roleKey: 'OWNER' }, mentions: 'roleKey' },
  { name: 'roleKey: unknown role', payload: { ...validInvite, roleKey: 'KING' }, mentions: 'roleKey' },
];

const acceptCases: BadCase[] = [
  ...bodyShapeCases({ token: 'abc' }),
  ...stringFieldCases({ token: 'abc' }, { name: 'token', required: true }).filter(
    (c) => c.name !== 'token: a null byte',
  ),
  { name: 'token: empty', payload: { token: '' }, mentions: 'token' },
  // Tokens are never stored, so a null byte is only an unknown token.
  { name: 'token: a null byte', payload: { token: 'a\u0000b' }, status: '4xx' },
  { name: 'token: unknown', payload: { token: 'not-a-real-token' }, status: '4xx' },
];

describe('bad input: members and invitations', () => {
  const routes: RefusalTable = [
    [
      'PATCH /api/workspaces/:id/members/:userId',
      () => ({
        method: 'PATCH',
        url: `/api/workspaces/${ada.workspaceId}/members/${bob.userId}`,
        headers: sessionHeaders(ada),
        tables: ['memberships'],
      }),
      roleCases,
    ],
    [
      'POST /api/workspaces/:id/invitations',
      () => ({
        method: 'POST',
        url: `/api/workspaces/${ada.workspaceId}/invitations`,
        headers: sessionHeaders(ada),
        tables: ['invitations'],
      }),
      inviteCases,
    ],
    [
      'POST /api/invitations/accept',
      () => ({
        method: 'POST',
        url: '/api/invitations/accept',
        headers: sessionHeaders(bob),
        tables: ['memberships', 'invitations'],
      }),
      acceptCases,
    ],
  ];
  describeRefusals(h, routes);

  it('refuses a role change of someone who is not a member with 404, storing nothing', async () => {
    const stranger = await signUp(h.app, 'Stranger');
    await expectRefused(
      h,
      {
        method: 'PATCH',
        url: `/api/workspaces/${ada.workspaceId}/members/${stranger.userId}`,
        headers: sessionHeaders(ada),
        tables: ['memberships'],
      },
      { name: 'not a member', payload: { roleKey: 'ADMIN' }, status: 404 },
    );
  });
});

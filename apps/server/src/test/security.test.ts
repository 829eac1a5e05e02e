/**
 * The shared security suite: every authenticated route of API.md (test/routes-table.ts) must refuse
 * every kind of bad credential the same way, in the same envelope, without echoing the key.
 */
import { generateKey } from '@socifyr/keys';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { can, ROLE_KEYS } from '../auth/permissions.js';
import { useFileHarness } from './harness.js';
import { isStateChanging, ROUTES, type RouteEntry, routeName } from './routes-table.js';
import {
  asPerson,
  bearer,
  buildFixture,
  callRoute,
  expectOk,
  expectRefusal,
  GENEROUS_POLICY,
  type SecurityFixture,
} from './security-fixture.js';

const h = useFileHarness({ policy: GENEROUS_POLICY });
/** Shared by every test that only reads or is refused; tests that succeed build their own. */
let f: SecurityFixture;

beforeAll(async () => {
  f = await buildFixture(h.app);
});

/** The API key never comes back in an answer, whatever the failure. */
function expectNoEcho(response: LightMyRequestResponse, presented: string) {
  if (presented.length > 0) expect(response.body).not.toContain(presented);
}

/** Shapes that are not a key at all, built from a valid one so only the shape is wrong. */
const malformedVariants = (valid: string): [string, string][] => [
  ['too short', 'sk_0123abcd'],
  ['without the sk_ prefix', valid.slice(3)],
  ['in upper case', `sk_${valid.slice(3).toUpperCase()}`],
  ['one character too long', `${valid}0`],
  ['with a non-hex character', `${valid.slice(0, 10)}g${valid.slice(11)}`],
  ['empty', ''],
];

/** Same shape, last checksum character changed. */
const withBadChecksum = (valid: string) => `${valid.slice(0, -1)}${valid.endsWith('0') ? '1' : '0'}`;

/** The most senior role that lacks `route.permission`, if any does. */
const roleLacking = (route: RouteEntry) =>
  route.permission ? ROLE_KEYS.find((role) => !can(role, route.permission!)) : undefined;

// A plain loop rather than describe.each: its $-interpolated titles are cut at 40 characters.
for (const route of ROUTES) describeRoute(route);

function describeRoute(route: RouteEntry) {
  describe(routeName(route), () => {
    routeSuite(route);
  });
}

function routeSuite(route: RouteEntry) {
  const url = () => route.path(f);
  const withKey = (key: string, extra: Record<string, string> = {}) =>
    callRoute(h.app, route, f, { ...bearer(key), ...extra });

  it('without credentials → 401 with WWW-Authenticate', async () => {
    const response = await callRoute(h.app, route, f, {});
    // Session-only routes tell people to sign in; an API key would be refused there anyway.
    expectRefusal(response, url(), 401, route.sessionOnly ? /^Not signed in/ : 'Missing API key');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="socifyr"');
  });

  it('with a malformed key (wrong shape) → 401 "Malformed API key"', async () => {
    for (const [shape, key] of malformedVariants(f.team.keys.OWNER)) {
      const response = await withKey(key);
      expect(response.statusCode, `key ${shape}`).toBe(401);
      expectRefusal(response, url(), 401, 'Malformed API key');
      expectNoEcho(response, key);
    }
  });

  it('with a bad checksum (valid shape) → 401 "Malformed API key"', async () => {
    const key = withBadChecksum(f.team.keys.OWNER);
    const response = await withKey(key);
    expectRefusal(response, url(), 401, 'Malformed API key');
    expectNoEcho(response, key);
  });

  it('with an unknown well-formed key → 401 "Invalid API key"', async () => {
    const key = generateKey();
    const response = await withKey(key);
    expectRefusal(response, url(), 401, 'Invalid API key');
    expectNoEcho(response, key);
  });

  it('with a deleted key → 401 "Invalid API key"', async () => {
    const response = await withKey(f.deletedKey);
    expectRefusal(response, url(), 401, 'Invalid API key');
    expectNoEcho(response, f.deletedKey);
  });

  it('with X-Workspace-Id naming another workspace → 403', async () => {
    const response = await withKey(f.team.keys.OWNER, { 'x-workspace-id': f.outsider.workspaceId });
    expectRefusal(response, url(), 403, /workspace/i);
    expectNoEcho(response, f.team.keys.OWNER);
  });

  it('with a malformed X-Workspace-Id → 400', async () => {
    const response = await withKey(f.team.keys.OWNER, { 'x-workspace-id': 'not-a-workspace' });
    expectRefusal(response, url(), 400, /X-Workspace-Id/);
    expectNoEcho(response, f.team.keys.OWNER);
  });

  if (route.scope === 'path') {
    it("with another workspace's key on this workspace's path → 403", async () => {
      const response = await withKey(f.outsiderKey);
      expectRefusal(response, url(), 403);
      expectNoEcho(response, f.outsiderKey);
    });
  }

  if (route.scope === 'resource') {
    it("with another workspace's key on this workspace's post → 404", async () => {
      const response = await withKey(f.outsiderKey);
      expectRefusal(response, url(), 404);
      expectNoEcho(response, f.outsiderKey);
    });
  }

  if (route.scope !== 'none') {
    it('signed in as a non-member of the workspace → 404', async () => {
      const response = await callRoute(h.app, route, f, asPerson(f.outsider, f.workspaceId));
      expectRefusal(response, url(), 404);
    });
  }

  if (route.sessionOnly) {
    it('with a valid API key → 403 (people only)', async () => {
      const response = await withKey(f.team.keys.OWNER);
      expectRefusal(response, url(), 403, /API key/);
      expectNoEcho(response, f.team.keys.OWNER);
    });
  }

  const lacking = roleLacking(route);
  if (lacking) {
    const via = route.sessionOnly ? 'session' : 'key';
    it(`as ${lacking} via ${via} → 403 naming "${route.permission}"`, async () => {
      const headers = route.sessionOnly
        ? asPerson(f.team.members[lacking], f.workspaceId)
        : bearer(f.team.keys[lacking]);
      const response = await callRoute(h.app, route, f, headers);
      expectRefusal(response, url(), 403, new RegExp(`"${route.permission}"`));
    });
  }

  if (isStateChanging(route)) {
    it('signed in, without X-Requested-With or Origin → 403 (CSRF guard)', async () => {
      const { cookie } = f.team.members.OWNER;
      const response = await callRoute(h.app, route, f, { cookie, 'x-workspace-id': f.workspaceId });
      expectRefusal(response, url(), 403, /X-Requested-With/);
    });

    it('signed in, with the Origin of another site → 403 (CSRF guard)', async () => {
      const response = await callRoute(h.app, route, f, {
        cookie: f.team.members.OWNER.cookie,
        'x-workspace-id': f.workspaceId,
        host: 'socifyr.example.com',
        origin: 'https://evil.example.net',
      });
      expectRefusal(response, url(), 403, /X-Requested-With/);
    });
  }

  // Succeeding changes state, so this test gets a workspace of its own.
  if (route.sessionOnly) {
    it('signed in with X-Requested-With → 2xx', async () => {
      const own = await buildFixture(h.app);
      const response = await callRoute(h.app, route, own, asPerson(own.team.members.OWNER, own.workspaceId));
      expectOk(response, route.okStatus);
    });
  } else {
    it('with a valid key and the scheme in lower case ("bearer sk_…") → 2xx', async () => {
      const own = await buildFixture(h.app);
      const response = await callRoute(h.app, route, own, bearer(own.team.keys.OWNER, 'bearer'));
      expectOk(response, route.okStatus);
      expect(response.headers['ratelimit-limit']).toBeDefined();
    });
  }
}

describe('logs', () => {
  it('never contain anything shaped like a key, after every test above', () => {
    const leaks = h.logs.filter((line) => /sk_[0-9a-fA-F]{12,}/.test(line));
    expect(leaks).toEqual([]);
  });
});

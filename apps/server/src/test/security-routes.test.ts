/**
 * The route table is the security suite's reach: these tests hold it equal to what the server actually
 * serves (its OpenAPI document), so a new route cannot skip the shared checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFileHarness } from './harness.js';
import { ROUTES, routeName } from './routes-table.js';
import { call } from './security-fixture.js';

interface Operation {
  security: Record<string, unknown>[];
}

const h = useFileHarness();
let operations: { name: string; security: Operation['security'] }[];

/** Parameter names differ between documents and tables without meaning anything: compare shapes. */
const shape = (name: string) => name.replace(/\{\w+\}|:\w+/g, ':param');

beforeAll(async () => {
  const response = await call(h.app, { url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  // Served bare, not in the envelope: it is a document for tools, not an API result.
  const paths = response.json().paths as Record<string, Record<string, Operation>>;
  operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      security: operation.security,
    })),
  );
});

describe('the route table', () => {
  it('lists every authenticated route the server documents, and no other', () => {
    const served = operations.filter((op) => op.security.length > 0).map((op) => shape(op.name));
    expect(ROUTES.map((route) => shape(routeName(route))).sort()).toEqual([...new Set(served)].sort());
  });

  it('leaves out only the routes that take no credentials: health, sign-up and sign-in', () => {
    const open = operations.filter((op) => op.security.length === 0).map((op) => op.name);
    expect(open.sort()).toEqual(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/signup']);
  });

  it('marks as session-only exactly the routes the server documents as session-only', () => {
    const sessionOnly = operations
      .filter((op) => op.security.length === 1 && 'session' in op.security[0]!)
      .map((op) => shape(op.name));
    expect(
      ROUTES.filter((route) => route.sessionOnly)
        .map((route) => shape(routeName(route)))
        .sort(),
    ).toEqual(sessionOnly.sort());
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useFileHarness } from '../test/harness.js';
import { isDashboardBuilt } from './dashboard.js';

const dir = mkdtempSync(join(tmpdir(), 'socifyr-dashboard-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Socifyr</title>');
writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dashboard at /', () => {
  const h = useFileHarness({ dashboardDir: dir });

  it.each(['/', '/settings/api-keys', '/invitations/inv_123', '/sign-in?next=%2Fcontent'])(
    'answers %s with the page, which no other site may frame',
    async (url) => {
      const response = await h.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.body).toContain('<title>Socifyr</title>');
    },
  );

  it('sends built assets as immutable and other files as they are', async () => {
    const asset = await h.app.inject({ url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.body).toBe('console.log(1)');
    const icon = await h.app.inject({ url: '/favicon.svg' });
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it.each([
    '/assets/missing-1234.js',
    '/robots.txt',
    '/../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/api/nope',
    '/api',
  ])('answers %s with the 404 envelope', async (url) => {
    const response = await h.app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ success: false, statusCode: 404 });
  });

  it('leaves the API as it was', async () => {
    const response = await h.app.inject({ url: '/api/health' });
    expect(response.json()).toEqual({ success: true, data: { status: 'ok' } });
  });

  it('knows whether a folder holds a built dashboard', () => {
    expect(isDashboardBuilt(dir)).toBe(true);
    expect(isDashboardBuilt(join(dir, 'assets'))).toBe(false);
  });
});

describe('without a dashboard', () => {
  const h = useFileHarness();

  it('answers / with a 404 that points at the API', async () => {
    const response = await h.app.inject({ url: '/' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toContain('the API lives under /api');
  });
});

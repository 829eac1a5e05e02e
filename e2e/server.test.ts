import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Owner, type RunningServer, signUpOwner, startServer } from './support/server.js';

describe('npm start, as a newcomer meets it', () => {
  let server: RunningServer;
  let owner: Owner;
  beforeAll(async () => {
    server = await startServer();
    owner = await signUpOwner(server);
  });
  afterAll(() => server?.stop());

  it('serves the dashboard at / and the API under /api', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root"></div>');
    const health = await fetch(`${server.apiUrl}/health`);
    expect(await health.json()).toEqual({ success: true, data: { status: 'ok' } });
  });

  it('answers the seed page curl with the key', async () => {
    const response = await fetch(`${server.apiUrl}/content`, {
      headers: { authorization: `Bearer ${owner.apiKey}`, 'x-workspace-id': owner.workspaceId },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({ results: [], total: 0 });
  });

  it('never writes the plaintext to its output', () => {
    expect(server.output()).not.toContain(owner.apiKey);
    expect(server.output()).not.toContain(owner.apiKey.slice(3, 59));
  });
});

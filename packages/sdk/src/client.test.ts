import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok, scriptedFetch, TEST_KEY } from '../test/fake-fetch.js';
import { DEFAULT_API_URL, Socifyr, type SocifyrOptions } from './client.js';
import { SocifyrError } from './errors.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** The error the constructor throws with these options. */
function constructionError(options: SocifyrOptions): SocifyrError {
  try {
    new Socifyr(options);
  } catch (error) {
    expect(error).toBeInstanceOf(SocifyrError);
    return error as SocifyrError;
  }
  throw new Error('the constructor did not throw');
}

describe('construction', () => {
  it('refuses a missing key, saying where to put one', () => {
    vi.stubEnv('SOCIFYR_API_KEY', '');
    const error = constructionError({});
    expect(error.status).toBe(0);
    expect(error.message).toBe(
      'Missing API key: pass { apiKey } to new Socifyr() or set SOCIFYR_API_KEY. Create a key in the dashboard under Settings → API Keys.',
    );
  });

  it.each(['4b737840408f5d3edc79c76268afe9e1', 'SK_4b737840', `Bearer ${TEST_KEY}`, ' sk_4b73'])(
    'refuses %j without repeating it',
    (apiKey) => {
      const error = constructionError({ apiKey });
      expect(error.status).toBe(0);
      expect(error.message).toMatch(/^Invalid API key: a Socifyr API key starts with "sk_"/);
      expect(error.message).not.toContain('4b73');
    },
  );

  it.each([
    ['not a url', /^Invalid apiUrl "not a url": use an http\(s\) URL/],
    ['ftp://api.test/api', /^Invalid apiUrl "ftp:\/\/api.test\/api"/],
    ['https://user:pass@api.test/api', /^Invalid apiUrl/],
    // A key pasted into the wrong option is not repeated back.
    [TEST_KEY, /^Invalid apiUrl "sk_…": use/],
  ])('refuses apiUrl %j', (apiUrl, message) => {
    const error = constructionError({ apiKey: TEST_KEY, apiUrl });
    expect(error.message).toMatch(message);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('refuses timeout %d', (timeout) => {
    const error = constructionError({ apiKey: TEST_KEY, timeout });
    expect(error.message).toMatch(
      /^Invalid timeout .*: use a number of milliseconds between 1 and 2147483647/,
    );
  });

  it.each([-1, 1.5, Number.NaN])('refuses maxRetries %d', (maxRetries) => {
    const error = constructionError({ apiKey: TEST_KEY, maxRetries });
    expect(error.message).toMatch(/^Invalid maxRetries .*: use a whole number, 0 or more \(default 2\)\.$/);
  });

  it('accepts zero retries and a large timeout', () => {
    expect(() => new Socifyr({ apiKey: TEST_KEY, maxRetries: 0, timeout: 600_000 })).not.toThrow();
  });

  it('does not show the key when the client is printed or serialised', async () => {
    const { inspect } = await import('node:util');
    const socifyr = new Socifyr({ apiKey: TEST_KEY });
    const secret = TEST_KEY.slice(3);
    expect(inspect(socifyr, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(socifyr)).not.toContain(secret);
  });
});

describe('the environment', () => {
  it('fills apiKey, workspaceId and apiUrl from SOCIFYR_* variables', async () => {
    vi.stubEnv('SOCIFYR_API_KEY', TEST_KEY);
    vi.stubEnv('SOCIFYR_WORKSPACE_ID', 'ws_env');
    vi.stubEnv('SOCIFYR_API_URL', 'http://env.test/api/');
    const { fetch, requests } = scriptedFetch(ok([]));
    const socifyr = new Socifyr({ fetch });
    expect(socifyr.apiUrl).toBe('http://env.test/api');
    expect(socifyr.workspaceId).toBe('ws_env');
    await socifyr.workspaces.list();
    expect(requests[0]?.url).toBe('http://env.test/api/workspaces');
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(requests[0]?.headers['x-workspace-id']).toBe('ws_env');
  });

  it('lets options win over the environment', async () => {
    vi.stubEnv('SOCIFYR_API_KEY', 'sk_from_env');
    vi.stubEnv('SOCIFYR_WORKSPACE_ID', 'ws_env');
    vi.stubEnv('SOCIFYR_API_URL', 'http://env.test/api');
    const { fetch, requests } = scriptedFetch(ok([]));
    const socifyr = new Socifyr({
      apiKey: TEST_KEY,
      workspaceId: 'ws_option',
      apiUrl: 'http://option.test/api',
      fetch,
    });
    await socifyr.workspaces.list();
    expect(requests[0]?.url).toBe('http://option.test/api/workspaces');
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(requests[0]?.headers['x-workspace-id']).toBe('ws_option');
  });

  it('treats empty options as unset, like `process.env.X!` of an unset variable', () => {
    vi.stubEnv('SOCIFYR_API_KEY', TEST_KEY);
    vi.stubEnv('SOCIFYR_WORKSPACE_ID', 'ws_env');
    const socifyr = new Socifyr({ apiKey: '', workspaceId: '', apiUrl: '' });
    expect(socifyr.workspaceId).toBe('ws_env');
    expect(socifyr.apiUrl).toBe(DEFAULT_API_URL);
  });

  it('uses the hosted API when nothing names another', () => {
    vi.stubEnv('SOCIFYR_API_URL', '');
    expect(new Socifyr({ apiKey: TEST_KEY }).apiUrl).toBe('https://api.socifyr.com/api');
  });

  it('works in a runtime without `process`', () => {
    vi.stubEnv('SOCIFYR_API_KEY', TEST_KEY);
    vi.stubGlobal('process', undefined);
    let missing: unknown;
    try {
      new Socifyr({});
    } catch (error) {
      missing = error;
    }
    const apiUrl = new Socifyr({ apiKey: TEST_KEY }).apiUrl;
    vi.unstubAllGlobals();
    expect((missing as Error).message).toMatch(/^Missing API key/);
    expect(apiUrl).toBe(DEFAULT_API_URL);
  });
});

describe('requests', () => {
  it('sends the key, the workspace and JSON, and unwraps the envelope', async () => {
    const { fetch, requests } = scriptedFetch(ok({ id: 'post_1' }, 201));
    const socifyr = new Socifyr({
      apiKey: TEST_KEY,
      workspaceId: 'ws_1',
      apiUrl: 'http://api.test/api',
      fetch,
    });
    await expect(socifyr.content.createText({ connections: ['x-a'], text: 'Hi' })).resolves.toEqual({
      id: 'post_1',
    });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('http://api.test/api/content/text');
    expect(request?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TEST_KEY}`,
      'content-type': 'application/json',
      'x-workspace-id': 'ws_1',
    });
    expect(request?.body).toEqual({ connections: ['x-a'], text: 'Hi' });
  });

  it('sends no X-Workspace-Id without a workspace, and no content type without a body', async () => {
    vi.stubEnv('SOCIFYR_WORKSPACE_ID', '');
    const { fetch, requests } = scriptedFetch(ok({ id: 'post_1' }));
    const socifyr = new Socifyr({ apiKey: TEST_KEY, apiUrl: 'http://api.test/api', fetch });
    await socifyr.content.archive('post_1');
    expect(requests[0]?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TEST_KEY}`,
    });
    expect(requests[0]?.body).toBeUndefined();
  });

  it.each(['http://api.test/api', 'http://api.test/api/', 'http://api.test/api//'])(
    'joins apiUrl %j and the path with one slash',
    async (apiUrl) => {
      const { fetch, requests } = scriptedFetch(ok({}));
      await new Socifyr({ apiKey: TEST_KEY, apiUrl, fetch }).auth.me();
      expect(requests[0]?.url).toBe('http://api.test/api/auth/me');
    },
  );

  it('calls the global fetch when none is given', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    vi.stubGlobal('fetch', fetch);
    await new Socifyr({ apiKey: TEST_KEY, apiUrl: 'http://api.test/api' }).connections.list();
    expect(requests[0]?.url).toBe('http://api.test/api/connections');
  });
});

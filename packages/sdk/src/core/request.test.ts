import { describe, expect, it } from 'vitest';
import {
  apiError,
  connectionRefused,
  json,
  noWaiting,
  ok,
  type ScriptedAnswer,
  scriptedFetch,
  TEST_KEY,
} from '../../test/fake-fetch.js';
import { Socifyr, type SocifyrInternalOptions } from '../client.js';
import { SocifyrError } from '../errors.js';

const API_URL = 'http://api.test/api';

/** A client on the scripted fetch that records its waits instead of waiting. */
function clientWith(answers: ScriptedAnswer[], options: SocifyrInternalOptions = {}, jitter = 0) {
  const { fetch, requests } = scriptedFetch(...answers);
  const { waits, options: internal } = noWaiting(jitter);
  const socifyr = new Socifyr({ apiKey: TEST_KEY, apiUrl: API_URL, fetch, ...internal, ...options });
  return { socifyr, requests, waits };
}

/** The SocifyrError a call rejects with (fails the test if it resolves or throws anything else). */
async function failure(call: Promise<unknown>): Promise<SocifyrError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SocifyrError);
  return error as SocifyrError;
}

const html502 = () =>
  new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
    status: 502,
    statusText: 'Bad Gateway',
    headers: { 'content-type': 'text/html' },
  });

describe('retries', () => {
  it.each<[string, () => ScriptedAnswer, number]>([
    ['a network error', connectionRefused, 0],
    ['429', () => apiError(429, 'Rate limit exceeded'), 429],
    ['500', () => apiError(500, 'Internal server error'), 500],
    ['a proxy 502 page', html502, 502],
    ['503', () => apiError(503, 'Service unavailable'), 503],
  ])('retries %s twice by default, then fails with its status', async (_, answer, status) => {
    const { socifyr, requests, waits } = clientWith([answer()]);
    const error = await failure(socifyr.auth.me());
    expect(requests).toHaveLength(3);
    expect(error.status).toBe(status);
    expect(waits).toEqual([500, 1000]);
  });

  it.each([400, 401, 403, 404, 409])('does not retry %i', async (status) => {
    const { socifyr, requests, waits } = clientWith([apiError(status, 'Nope')]);
    const error = await failure(socifyr.workspaces.list());
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error.status).toBe(status);
    expect(error.message).toBe('Nope');
  });

  it('does not retry a 200 whose body says success: false', async () => {
    const { socifyr, requests } = clientWith([
      json(200, { success: false, error: 'Refused', statusCode: 200, path: '/api/x', timestamp: '' }),
    ]);
    const error = await failure(socifyr.auth.me());
    expect(requests).toHaveLength(1);
    expect(error.message).toBe('Refused');
  });

  it('resolves with the data once an attempt succeeds', async () => {
    const { socifyr, requests } = clientWith([
      connectionRefused(),
      apiError(503, 'Busy'),
      ok([{ id: 'ws_1' }]),
    ]);
    await expect(socifyr.workspaces.list()).resolves.toEqual([{ id: 'ws_1' }]);
    expect(requests).toHaveLength(3);
  });

  it('retries POST bodies unchanged', async () => {
    const { socifyr, requests } = clientWith([apiError(429, 'Slow down'), ok({ id: 'post_1' }, 201)]);
    await socifyr.content.createText({ connections: ['x-brand'], text: 'Hi' });
    expect(requests.map((r) => r.body)).toEqual([
      { connections: ['x-brand'], text: 'Hi' },
      { connections: ['x-brand'], text: 'Hi' },
    ]);
  });

  it.each([0, 1, 4])('makes maxRetries + 1 attempts with maxRetries %i', async (maxRetries) => {
    const { socifyr, requests } = clientWith([apiError(500, 'Internal server error')], { maxRetries });
    await failure(socifyr.auth.me());
    expect(requests).toHaveLength(maxRetries + 1);
  });

  it('backs off exponentially with jitter, capped at 8 s', async () => {
    const low = clientWith([connectionRefused()], { maxRetries: 6 }, 0);
    await failure(low.socifyr.auth.me());
    expect(low.waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);

    const high = clientWith([connectionRefused()], { maxRetries: 6 }, 0.999_999);
    await failure(high.socifyr.auth.me());
    expect(high.waits).toEqual([625, 1250, 2500, 5000, 10_000, 10_000]);
  });

  it('waits as long as Retry-After says in seconds', async () => {
    const { socifyr, waits } = clientWith(
      [apiError(429, 'Rate limit exceeded', { 'retry-after': '3' })],
      {},
      0.9,
    );
    await failure(socifyr.auth.me());
    expect(waits).toEqual([3000, 3000]);
  });

  it('waits until the HTTP date Retry-After gives, on a 503 too', async () => {
    const now = Date.parse('2026-01-31T12:00:00.000Z');
    const { socifyr, waits } = clientWith(
      [apiError(503, 'Down for maintenance', { 'retry-after': 'Sat, 31 Jan 2026 12:00:05 GMT' }), ok(null)],
      { now: () => now },
    );
    await socifyr.auth.me();
    expect(waits).toEqual([5000]);
  });

  it('fails at once when Retry-After asks for more than a minute', async () => {
    const { socifyr, requests, waits } = clientWith([
      apiError(429, 'Come back later', { 'retry-after': '3600' }),
    ]);
    const error = await failure(socifyr.auth.me());
    expect(error.status).toBe(429);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('falls back to the backoff when Retry-After is unreadable', async () => {
    const { socifyr, waits } = clientWith([apiError(429, 'Slow down', { 'retry-after': 'later' })]);
    await failure(socifyr.auth.me());
    expect(waits).toEqual([500, 1000]);
  });
});

/** A fetch that never answers, but rejects like the real one when its signal aborts. */
const hangingFetch: ScriptedAnswer = ({ signal }) =>
  new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

describe('timeouts and cancellation', () => {
  it('aborts an attempt after `timeout` ms and retries it as a network error', async () => {
    const { socifyr, requests } = clientWith([hangingFetch], { timeout: 5, maxRetries: 1 });
    const error = await failure(socifyr.auth.me());
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.signal?.aborted)).toBe(true);
    expect(error.status).toBe(0);
    expect(error.message).toBe(
      'Network error: GET http://api.test/api/auth/me failed: no response within 5 ms (timeout)',
    );
  });

  it('counts a body that stalls as a timeout too', async () => {
    const stalled: ScriptedAnswer = ({ signal }) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"success":'));
          signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const { socifyr, requests } = clientWith([stalled], { timeout: 5, maxRetries: 0 });
    const error = await failure(socifyr.auth.me());
    expect(requests).toHaveLength(1);
    expect(error.message).toMatch(/^Network error: .* no response within 5 ms \(timeout\)$/);
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const { socifyr, requests } = clientWith([hangingFetch]);
    const controller = new AbortController();
    const call = socifyr.content.list({}, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    const error = await failure(call);
    expect(requests).toHaveLength(1);
    expect(error.status).toBe(0);
    expect(error.message).toBe('Request aborted: GET http://api.test/api/content');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { socifyr, requests } = clientWith([ok(null)]);
    const error = await failure(socifyr.auth.me({ signal: AbortSignal.abort() }));
    expect(requests).toHaveLength(0);
    expect(error.message).toMatch(/^Request aborted/);
  });

  it('stops waiting for a retry when the caller aborts', async () => {
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch(apiError(503, 'Busy'));
    const socifyr = new Socifyr({ apiKey: TEST_KEY, apiUrl: API_URL, fetch });
    const call = socifyr.auth.me({ signal: controller.signal });
    // The first answer arrives; the client then waits 500 ms or more before retrying.
    while (requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort();
    const error = await failure(call);
    expect(error.message).toMatch(/^Request aborted/);
    expect(requests).toHaveLength(1);
  });
});

describe('errors', () => {
  it('carries the envelope message, the body and the request id', async () => {
    const answer = apiError(404, 'Post not found', { 'x-request-id': 'req-42' });
    const { socifyr } = clientWith([answer]);
    const error = await failure(socifyr.content.get('post_1'));
    expect(error).toMatchObject({ name: 'SocifyrError', status: 404, message: 'Post not found' });
    expect(error.requestId).toBe('req-42');
    expect(error.body).toEqual({
      success: false,
      error: 'Post not found',
      statusCode: 404,
      path: '/api/x',
      timestamp: '2026-01-31T12:00:00.000Z',
    });
  });

  it('joins validation problems with ", "', async () => {
    const { socifyr } = clientWith([
      apiError(400, ['connections should not be empty', 'text must NOT have fewer than 1 characters']),
    ]);
    const error = await failure(socifyr.content.createText({ connections: [], text: '' }));
    expect(error.status).toBe(400);
    expect(error.message).toBe('connections should not be empty, text must NOT have fewer than 1 characters');
  });

  it('explains a proxy page instead of JSON', async () => {
    const { socifyr } = clientWith([html502()], { maxRetries: 0 });
    const error = await failure(socifyr.auth.me());
    expect(error.status).toBe(502);
    expect(error.body).toBeUndefined();
    expect(error.message).toBe(
      'GET http://api.test/api/auth/me answered HTTP 502 Bad Gateway with text/html instead of JSON: the API or a proxy in front of it is failing; try again later',
    );
  });

  it('points at apiUrl when a page answers instead of the API', async () => {
    const page = new Response('<!doctype html><div id="root"></div>', {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const { socifyr, requests } = clientWith([page]);
    const error = await failure(socifyr.auth.me());
    expect(requests).toHaveLength(1);
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      'GET http://api.test/api/auth/me answered HTTP 200 with text/html instead of JSON: check that apiUrl points at the Socifyr API (it ends in /api)',
    );
  });

  it('explains JSON that is not an envelope', async () => {
    const { socifyr } = clientWith([json(404, { message: 'Route GET:/x not found' })]);
    const error = await failure(socifyr.auth.me());
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ message: 'Route GET:/x not found' });
    expect(error.message).toMatch(/answered HTTP 404 with no Socifyr envelope: check that apiUrl/);
  });

  it('explains an empty error response', async () => {
    const { socifyr } = clientWith([new Response(null, { status: 503 })], { maxRetries: 0 });
    const error = await failure(socifyr.auth.me());
    expect(error.message).toBe(
      'GET http://api.test/api/auth/me answered HTTP 503 with no Socifyr envelope: the API or a proxy in front of it is failing; try again later',
    );
  });

  it('reports a network error with status 0 and its cause', async () => {
    const refused = connectionRefused();
    const { socifyr } = clientWith([refused], { maxRetries: 0 });
    const error = await failure(socifyr.auth.me());
    expect(error.status).toBe(0);
    expect(error.body).toBeUndefined();
    expect(error.cause).toBe(refused);
    expect(error.message).toBe(
      'Network error: GET http://api.test/api/auth/me failed: fetch failed (connect ECONNREFUSED 127.0.0.1:1)',
    );
  });

  it('never puts the key in an error, even one passed as an id', async () => {
    const { socifyr } = clientWith([connectionRefused()], { maxRetries: 0 });
    const error = await failure(socifyr.content.get(TEST_KEY));
    expect(error.message).toBe(
      'Network error: GET http://api.test/api/content/sk_… failed: fetch failed (connect ECONNREFUSED 127.0.0.1:1)',
    );
    expect(JSON.stringify({ ...error })).not.toContain(TEST_KEY.slice(3));
  });
});

import { generateKey, keyHint } from '@socifyr/keys';
import { SocifyrError } from '@socifyr/sdk';
import { describe, expect, it } from 'vitest';
import { CliError, describeFailure, ExitCode, exitCodeForStatus, oneLine } from './errors.js';

describe('exitCodeForStatus: the one table from HTTP status to exit code', () => {
  it.each([
    [400, ExitCode.usage],
    [404, ExitCode.usage],
    [409, ExitCode.usage],
    [413, ExitCode.usage],
    [401, ExitCode.auth],
    [403, ExitCode.auth],
    [429, ExitCode.server],
    [500, ExitCode.server],
    [502, ExitCode.server],
    [503, ExitCode.server],
    [0, ExitCode.server],
  ])('%i → %i', (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });

  it('documents 0, 1, 2 and 3', () => {
    expect(ExitCode).toEqual({ ok: 0, usage: 1, auth: 2, server: 3 });
  });
});

describe('describeFailure: one line and an exit code', () => {
  const envKey = { keySource: 'SOCIFYR_API_KEY', apiUrl: 'http://127.0.0.1:1/api (from SOCIFYR_API_URL)' };

  it.each<[string, unknown, number, string]>([
    ['a usage error', CliError.usage('Missing argument <id>.'), 1, 'Missing argument <id>.'],
    ['a key problem found before sending', CliError.auth('No API key.'), 2, 'No API key.'],
    [
      '401 names where the key came from',
      new SocifyrError('Invalid API key', { status: 401 }),
      2,
      'Invalid API key (401). Check SOCIFYR_API_KEY or run socifyr configure.',
    ],
    [
      '403 passes the server message on',
      new SocifyrError('Your role lacks the permission keys:manage-any', { status: 403 }),
      2,
      'Your role lacks the permission keys:manage-any (403).',
    ],
    ['404', new SocifyrError('Post not found', { status: 404 }), 1, 'Post not found (404).'],
    [
      '400 with several problems joined by the SDK',
      new SocifyrError('label must be a string, label is too long', { status: 400 }),
      1,
      'label must be a string, label is too long (400).',
    ],
    [
      '409',
      new SocifyrError('Connection "x-a" already exists', { status: 409 }),
      1,
      'Connection "x-a" already exists (409).',
    ],
    [
      'a network failure says which URL was tried and how to change it',
      new SocifyrError(
        'Network error: GET /auth/me failed: fetch failed (connect ECONNREFUSED 127.0.0.1:1)',
        {
          status: 0,
        },
      ),
      3,
      'Network error: GET /auth/me failed: fetch failed (connect ECONNREFUSED 127.0.0.1:1). Is the API at http://127.0.0.1:1/api (from SOCIFYR_API_URL) reachable? Set the URL with --api-url, SOCIFYR_API_URL or socifyr configure.',
    ],
    [
      '429 after the retries',
      new SocifyrError('Too many requests', { status: 429 }),
      3,
      'Too many requests (429). Try again in a moment.',
    ],
    ['500', new SocifyrError('Internal server error', { status: 500 }), 3, 'Internal server error (500).'],
    [
      'a web page where the API should be',
      new SocifyrError(
        'GET http://localhost:8101/auth/me answered HTTP 200 OK with text/html instead of JSON: check that apiUrl points at the Socifyr API (it ends in /api)',
        { status: 200 },
      ),
      1,
      'GET http://localhost:8101/auth/me answered HTTP 200 OK with text/html instead of JSON: check that apiUrl points at the Socifyr API (it ends in /api). Set the URL with --api-url, SOCIFYR_API_URL or socifyr configure.',
    ],
    [
      'anything else, without a stack',
      new TypeError('x is not a function'),
      1,
      'Unexpected error: x is not a function',
    ],
  ])('%s', (_name, error, exitCode, message) => {
    expect(describeFailure(error, envKey)).toEqual({ exitCode, message });
  });

  it('without a known key source, a 401 points at SOCIFYR_API_KEY', () => {
    expect(describeFailure(new SocifyrError('Missing API key', { status: 401 })).message).toBe(
      'Missing API key (401). Check SOCIFYR_API_KEY or run socifyr configure.',
    );
  });
});

describe('oneLine', () => {
  it('never lets a key through: it is cut to its hint', () => {
    const key = generateKey();
    const line = oneLine(`Something echoed ${key} back`);
    expect(line).toBe(`Something echoed ${keyHint(key)} back`);
    expect(line).not.toContain(key.slice(7, 63));
  });

  it('flattens line breaks', () => {
    expect(oneLine('first\n  second\nthird\n')).toBe('first second third');
  });
});

/**
 * One run of the command in-process: argv, settings and output wired together. The network is the only
 * thing replaced (a recording fetch); the end-to-end suite runs the built binary against a real server.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, keyHint } from '@socifyr/keys';
import { Socifyr } from '@socifyr/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { COMMANDS } from './commands/index.js';

const KEY = generateKey();
const FLAG_KEY = generateKey();
const ME = {
  user: { id: 'usr_1', email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' },
  workspaces: [{ id: 'ws_own', name: "Ada's workspace", roleKey: 'OWNER' }],
  apiKey: { id: 'key_1', label: 'e2e', hint: keyHint(KEY), roleKey: 'OWNER' },
};

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  workspace: string | null;
}

let home: string;
let sent: Sent[];
let answers: Record<string, { status: number; body: unknown }>;

/** Answers as the API would, by "METHOD /path"; records what was sent. */
const fakeFetch: typeof fetch = async (input, init) => {
  const url = String(input);
  const headers = new Headers(init?.headers);
  const method = init?.method ?? 'GET';
  sent.push({
    method,
    url,
    authorization: headers.get('authorization'),
    workspace: headers.get('x-workspace-id'),
  });
  const path = new URL(url).pathname.replace(/^\/api/, '');
  const answer = answers[`${method} ${path}`] ?? {
    status: 404,
    body: { success: false, error: 'Route not found', statusCode: 404 },
  };
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
};

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    streams: {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    env: { XDG_CONFIG_HOME: join(home, 'xdg'), ...env },
    homeDir: home,
    version: '9.9.9',
    createClient: (options) => new Socifyr({ ...options, fetch: fakeFetch, maxRetries: 0 }),
  });
  return { code, stdout, stderr };
}

const configPath = () => join(home, 'xdg', 'socifyr', 'config.json');

beforeEach(() => {
  home = fs.mkdtempSync(join(tmpdir(), 'socifyr-cli-'));
  sent = [];
  answers = {
    'GET /auth/me': { status: 200, body: { success: true, data: ME } },
    'GET /workspaces/ws_own/api-keys': { status: 200, body: { success: true, data: [] } },
    'GET /workspaces/ws_flag/api-keys': { status: 200, body: { success: true, data: [] } },
    'GET /connections': { status: 200, body: { success: true, data: [] } },
  };
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('help and version', () => {
  it('--version prints the version given by the entry point', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });

  it('lists every command in the general help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.path.join(' ')} `);
    expect(stdout).toContain('Exit codes: 0 ok, 1 usage');
  });

  it.each([
    ['help', 'keys', 'create'],
    ['keys', 'create', '--help'],
  ])('%j shows the command help', async (...argv) => {
    const { code, stdout } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: socifyr keys create --label <label>');
    expect(stdout).toContain('KEY=$(socifyr keys create --label "CI bot")');
  });

  it('shows a group with its commands', async () => {
    const { stdout } = await cli(['help', 'content']);
    for (const sub of ['list', 'get', 'create', 'archive', 'delete']) {
      expect(stdout).toContain(`content ${sub}`);
    }
    const connections = await cli(['connections', '--help']);
    expect(connections.stdout).toContain('connections remove  Remove a connection');
    expect(connections.stdout).toContain('e.g. socifyr help connections remove.');
  });

  it("configure's help explains --key as the key to save, not as an override", async () => {
    const { stdout } = await cli(['configure', '--help']);
    expect(stdout).toContain('--key <sk_…>        The API key to save');
    expect(stdout).not.toContain('over SOCIFYR_API_KEY');
  });
});

describe('failures: one line on stderr and the documented code', () => {
  it('an unknown command is a usage error, and nothing is sent', async () => {
    expect(await cli(['frobnicate'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'socifyr: Unknown command "frobnicate". Run socifyr --help.\n',
    });
    expect(sent).toEqual([]);
  });

  it('no key anywhere is exit code 2, before any request', async () => {
    const { code, stderr } = await cli(['connections']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'socifyr: No API key. Give --key, set SOCIFYR_API_KEY, or run socifyr configure --key sk_… --workspace ws_….\n',
    );
    expect(sent).toEqual([]);
  });

  it('a key with a wrong checksum is exit code 2, names its source and never repeats the key', async () => {
    const typo = `${KEY.slice(0, 20)}${KEY[20] === 'a' ? 'b' : 'a'}${KEY.slice(21)}`;
    const { code, stderr } = await cli(['connections'], { SOCIFYR_API_KEY: typo });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `socifyr: The API key from SOCIFYR_API_KEY (${keyHint(typo)}) is malformed: its checksum does not match, so a character is wrong or missing; copy it again.\n`,
    );
    expect(stderr).not.toContain(typo.slice(7, 63));
    expect(sent).toEqual([]);
  });

  it('a 401 says where the key came from', async () => {
    answers['GET /connections'] = {
      status: 401,
      body: { success: false, error: 'Invalid API key', statusCode: 401 },
    };
    const { code, stderr } = await cli(['connections'], { SOCIFYR_API_KEY: KEY });
    expect(code).toBe(2);
    expect(stderr).toBe('socifyr: Invalid API key (401). Check SOCIFYR_API_KEY or run socifyr configure.\n');
  });

  it('a broken config file is a usage error naming the file', async () => {
    fs.mkdirSync(join(home, 'xdg', 'socifyr'), { recursive: true });
    fs.writeFileSync(configPath(), '{ not json');
    const { code, stderr } = await cli(['connections']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `socifyr: ${configPath()} is not valid JSON. Fix it, delete it, or run socifyr configure again.\n`,
    );
  });
});

describe('settings reach the API with their precedence', () => {
  it('flags win over the environment, which wins over the file', async () => {
    await cli(['configure', '--key', KEY, '--workspace', 'ws_file', '--api-url', 'http://file.test/api']);
    await cli(['connections'], { SOCIFYR_WORKSPACE_ID: 'ws_env' });
    await cli(['connections', '--key', FLAG_KEY, '--api-url', 'http://flag.test/api/'], {
      SOCIFYR_WORKSPACE_ID: 'ws_env',
      SOCIFYR_API_URL: 'http://env.test/api',
    });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'http://file.test/api/connections',
        authorization: `Bearer ${KEY}`,
        workspace: 'ws_env',
      },
      {
        method: 'GET',
        url: 'http://flag.test/api/connections',
        authorization: `Bearer ${FLAG_KEY}`,
        workspace: 'ws_env',
      },
    ]);
  });

  it("uses the key's own workspace for routes under /workspaces/:id when none is set", async () => {
    const { code, stdout } = await cli(['keys', 'list', '--api-url', 'http://x.test/api'], {
      SOCIFYR_API_KEY: KEY,
    });
    expect(code).toBe(0);
    expect(stdout).toBe('No API keys yet. Create one with: socifyr keys create --label <label>\n');
    expect(sent.map((s) => `${s.method} ${s.url} ${s.workspace}`)).toEqual([
      'GET http://x.test/api/auth/me null',
      'GET http://x.test/api/workspaces/ws_own/api-keys null',
    ]);
  });

  it('uses the configured workspace without asking', async () => {
    await cli(['keys', 'list', '--workspace', 'ws_flag', '--api-url', 'http://x.test/api'], {
      SOCIFYR_API_KEY: KEY,
    });
    expect(sent.map((s) => `${s.method} ${s.url} ${s.workspace}`)).toEqual([
      'GET http://x.test/api/workspaces/ws_flag/api-keys ws_flag',
    ]);
  });
});

describe('configure', () => {
  it('saves the settings 0600 in a 0700 folder and shows them with the key hinted', async () => {
    const saved = await cli(['configure', '--key', KEY, '--workspace', 'ws_1']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`Saved ${configPath()} (mode 0600).`);
    expect(saved.stdout).not.toContain(KEY);
    expect(fs.statSync(configPath()).mode & 0o777).toBe(0o600);
    expect(fs.statSync(join(home, 'xdg', 'socifyr')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toEqual({ apiKey: KEY, workspaceId: 'ws_1' });

    const shown = await cli(['configure', '--show'], { SOCIFYR_API_URL: 'http://localhost:8101/api' });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(
      [
        `Config file  ${configPath()}`,
        `API key      ${keyHint(KEY)}  from config file`,
        'Workspace    ws_1  from config file',
        'API URL      http://localhost:8101/api  from SOCIFYR_API_URL',
        '',
      ].join('\n'),
    );
    const json = await cli(['configure', '--show', '--json', '--workspace', 'ws_2']);
    expect(JSON.parse(json.stdout)).toEqual({
      configFile: configPath(),
      apiKey: { hint: keyHint(KEY), wellFormed: true, source: 'config file' },
      workspaceId: { value: 'ws_2', source: '--workspace' },
      apiUrl: { value: 'https://api.socifyr.com/api', source: 'default' },
    });
  });

  it('keeps what it is not given and forgets a setting given as empty', async () => {
    await cli(['configure', '--key', KEY, '--workspace', 'ws_1']);
    await cli(['configure', '--api-url', 'http://localhost:8101/api', '--workspace', '']);
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toEqual({
      apiKey: KEY,
      apiUrl: 'http://localhost:8101/api',
    });
  });

  it.each<[string[], number, string]>([
    [[], 1, 'Nothing to save. Give --key, --workspace and/or --api-url, or --show to see the settings.'],
    [
      ['--key', 'sk_123'],
      2,
      'The API key from the --key flag is malformed: a key is sk_ followed by 64 lowercase hex characters.',
    ],
    [['--workspace', '<workspaceId>'], 1, '--workspace must be a workspace id (ws_…), got "<workspaceId>".'],
    [
      ['--api-url', 'localhost:8101'],
      1,
      '--api-url must start with http:// or https://, got "localhost:8101".',
    ],
    [['--api-url', 'nope'], 1, '--api-url must be a URL such as http://localhost:8101/api, got "nope".'],
  ])('refuses %j and saves nothing', async (flags, code, message) => {
    const result = await cli(['configure', ...flags]);
    expect(result).toEqual({ code, stdout: '', stderr: `socifyr: ${message}\n` });
    expect(fs.existsSync(configPath())).toBe(false);
  });

  it('replaces a broken config file, saying so', async () => {
    fs.mkdirSync(join(home, 'xdg', 'socifyr'), { recursive: true });
    fs.writeFileSync(configPath(), '{ not json');
    const result = await cli(['configure', '--key', KEY]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is not valid JSON');
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toEqual({ apiKey: KEY });
  });

  it('warns when the environment will override what was saved', async () => {
    const result = await cli(['configure', '--key', KEY], { SOCIFYR_API_KEY: FLAG_KEY });
    expect(result.stderr).toBe(
      'socifyr: SOCIFYR_API_KEY is set in the environment and takes precedence over the saved value.\n',
    );
  });
});

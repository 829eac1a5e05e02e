/**
 * The `socifyr` command as people run it: the built binary in a child process, with its own HOME and
 * XDG_CONFIG_HOME, against the real built server. Run `npm run build` (or `npx tsc -b packages/cli`) first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from '@socifyr/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  type Owner,
  REPO_ROOT,
  type RunningServer,
  signUpOwner,
  startServer,
} from './support/server.js';

const BIN = join(REPO_ROOT, 'packages/cli/bin/socifyr.js');
const VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }
).version;
const KEY_PATTERN = /^sk_[0-9a-f]{64}$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything every run printed, to check where secrets appear. */
const transcript: { argv: string[]; run: Run }[] = [];

/** A shell's view: a fresh HOME and config folder, and only the environment given. */
function makeHome(): { home: string; configDir: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'socifyr-cli-e2e-'));
  return {
    home,
    configDir: join(home, 'xdg', 'socifyr'),
    env: { HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') },
  };
}

function socifyr(argv: string[], env: Record<string, string>, command = BIN): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...argv], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const run = { code, stdout, stderr };
      transcript.push({ argv, run });
      resolve(run);
    });
  });
}

let server: RunningServer;
let owner: Owner;
const homes: string[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { SOCIFYR_RATE_LIMIT_PER_SECOND: '1000', SOCIFYR_RATE_LIMIT_PER_MINUTE: '60000' },
  });
  owner = await signUpOwner(server);
});
afterAll(async () => {
  await server?.stop();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function freshHome() {
  const made = makeHome();
  homes.push(made.home);
  return made;
}

describe('the seed page, exactly', () => {
  it('socifyr configure --key sk_... --workspace <workspaceId>, then socifyr connections', async () => {
    const { configDir, env } = freshHome();
    const shell = { ...env, SOCIFYR_API_URL: server.apiUrl };
    const configured = await socifyr(
      ['configure', '--key', owner.apiKey, '--workspace', owner.workspaceId],
      shell,
    );
    expect(configured.stderr).toBe('');
    expect(configured.code).toBe(0);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(configDir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(configDir)).toEqual(['config.json']);

    const listed = await socifyr(['connections'], shell);
    expect(listed).toEqual({
      code: 0,
      stdout: 'No connections yet. Add one with: socifyr connections add --platform x --handle <handle>\n',
      stderr: '',
    });
  });

  it('SOCIFYR_API_KEY=sk_... SOCIFYR_WORKSPACE_ID=... socifyr connections, with nothing configured', async () => {
    const { configDir, env } = freshHome();
    const listed = await socifyr(['connections'], {
      ...env,
      SOCIFYR_API_KEY: owner.apiKey,
      SOCIFYR_WORKSPACE_ID: owner.workspaceId,
      SOCIFYR_API_URL: server.apiUrl,
    });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(() => statSync(configDir)).toThrow();
  });
});

// Each test runs the binary several times; spawning node is slow on a busy machine.
const SLOW = { timeout: 60_000 };

describe('every command against the real server', SLOW, () => {
  let shell: Record<string, string>;
  let configDir: string;
  beforeAll(async () => {
    ({ configDir, env: shell } = freshHome());
    const configured = await socifyr(['configure', '--key', owner.apiKey, '--api-url', server.apiUrl], shell);
    expect(configured.code).toBe(0);
  });

  it('whoami: the person, the workspace and the key', async () => {
    const human = await socifyr(['whoami'], shell);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`${owner.email}`);
    expect(human.stdout).toContain(owner.workspaceId);
    expect(human.stdout).toMatch(/API key\s+e2e {2}sk_[0-9a-f]{4}…[0-9a-f]{4}/);
    expect(human.stdout).toMatch(/Key role\s+OWNER/);

    const json = await socifyr(['whoami', '--json'], shell);
    expect(JSON.parse(json.stdout)).toMatchObject({
      user: { id: owner.userId, email: owner.email },
      workspaces: [{ id: owner.workspaceId, roleKey: 'OWNER' }],
      apiKey: { id: owner.apiKeyId, label: 'e2e', roleKey: 'OWNER' },
    });
  });

  it('connections add, list and remove (by slug and by id)', async () => {
    const added = await socifyr(
      ['connections', 'add', '--platform', 'x', '--handle', 'brand', '--name', 'Brand'],
      shell,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added\s+x-brand \(con_[0-9a-f]+\)$/m);
    const addedJson = await socifyr(
      ['connections', 'add', '--platform', 'bluesky', '--handle', 'brand', '--json'],
      shell,
    );
    const second = JSON.parse(addedJson.stdout) as { id: string; slug: string };
    expect(second).toMatchObject({ slug: 'bluesky-brand', platform: 'bluesky', name: 'brand' });

    const table = await socifyr(['connections'], shell);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+SLUG\s+PLATFORM\s+NAME\s+CREATED$/);
    expect(table.stdout).toMatch(/x-brand\s+x\s+Brand\s+\d{4}-\d{2}-\d{2}/);
    const listed = JSON.parse((await socifyr(['connections', 'list', '--json'], shell)).stdout) as {
      slug: string;
    }[];
    expect(listed.map((c) => c.slug).sort()).toEqual(['bluesky-brand', 'x-brand']);

    const byId = await socifyr(['connections', 'remove', second.id], shell);
    expect(byId).toMatchObject({ code: 0, stdout: `Removed connection bluesky-brand (${second.id}).\n` });
    const json = await socifyr(['connections', 'remove', 'x-brand', '--json'], shell);
    expect(json).toMatchObject({ code: 0, stdout: 'null\n' });
    expect(JSON.parse((await socifyr(['connections', '--json'], shell)).stdout)).toEqual([]);
  });

  it('content create, list, get, archive and delete', async () => {
    await socifyr(['connections', 'add', '--platform', 'linkedin', '--handle', 'brand'], shell);
    await socifyr(['connections', 'add', '--platform', 'threads', '--handle', 'brand'], shell);
    expect((await socifyr(['content', 'list'], shell)).stdout).toBe(
      'No posts yet. Write one with: socifyr content create --text "…" --connection <slug>\n',
    );

    const draft = await socifyr(
      ['content', 'create', '--text', 'Hello from the CLI', '--connection', 'linkedin-brand', '--json'],
      shell,
    );
    expect(draft.code).toBe(0);
    const post = JSON.parse(draft.stdout) as { id: string };
    expect(post).toMatchObject({
      status: 'draft',
      connections: ['linkedin-brand'],
      text: 'Hello from the CLI',
    });

    const scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await socifyr(
      [
        'content',
        'create',
        '--text',
        'Tomorrow',
        '--connection',
        'linkedin-brand',
        '--connection',
        'threads-brand',
        '--scheduled-at',
        scheduledAt,
      ],
      shell,
    );
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toMatch(/^Status\s+scheduled$/m);
    expect(scheduled.stdout).toMatch(/^Connections\s+linkedin-brand, threads-brand$/m);
    expect(scheduled.stdout.trimEnd().endsWith('\nTomorrow')).toBe(true);

    const list = await socifyr(['content', 'list'], shell);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+STATUS\s+SCHEDULED\s+CONNECTIONS\s+CREATED\s+TEXT$/);
    expect(list.stdout).toContain('Page 1 of 1, 2 posts.');
    const page = JSON.parse(
      (await socifyr(['content', 'list', '--limit', '1', '--page', '2', '--json'], shell)).stdout,
    );
    expect(page).toMatchObject({ total: 2, page: 2, limit: 1, results: [{ id: post.id }] });
    const paged = await socifyr(['content', 'list', '--limit', '1'], shell);
    expect(paged.stdout).toContain('Page 1 of 2, 2 posts. Next: socifyr content list --limit 1 --page 2');

    const got = await socifyr(['content', 'get', post.id], shell);
    expect(got.stdout).toMatch(new RegExp(`^ID\\s+${post.id}$`, 'm'));
    expect(JSON.parse((await socifyr(['content', 'get', post.id, '--json'], shell)).stdout)).toEqual(post);

    const archived = await socifyr(['content', 'archive', post.id, '--json'], shell);
    expect(JSON.parse(archived.stdout)).toMatchObject({ id: post.id, status: 'archived' });
    const onlyArchived = await socifyr(['content', 'list', '--status', 'archived', '--json'], shell);
    expect(JSON.parse(onlyArchived.stdout)).toMatchObject({ total: 1, results: [{ id: post.id }] });

    expect(await socifyr(['content', 'delete', post.id], shell)).toEqual({
      code: 0,
      stdout: `Deleted post ${post.id}.\n`,
      stderr: '',
    });
    expect((await socifyr(['content', 'list', '--status', 'archived'], shell)).stdout).toBe(
      'No archived posts.\n',
    );
  });

  it('keys create prints the plaintext alone on stdout, once; list shows it; delete stops it at once', async () => {
    const created = await socifyr(['keys', 'create', '--label', 'CI bot'], shell);
    expect(created.code).toBe(0);
    const plaintext = created.stdout.trimEnd();
    expect(created.stdout).toBe(`${plaintext}\n`);
    expect(plaintext).toMatch(KEY_PATTERN);
    const hint = `${plaintext.slice(0, 7)}…${plaintext.slice(-4)}`;
    expect(created.stderr).toMatch(
      new RegExp(
        `^socifyr: Created key key_[0-9a-f]+ "CI bot" \\(${hint}\\)\\. Store it now: it is shown only this once\\.\\n$`,
      ),
    );

    const list = await socifyr(['keys', 'list'], shell);
    expect(list.stdout.split('\n')[0]).toMatch(
      /^ID\s+LABEL\s+HINT\s+ROLE\s+STATUS\s+CREATED BY\s+CREATED\s+LAST USED$/,
    );
    expect(list.stdout).toMatch(
      new RegExp(`CI bot\\s+${hint}\\s+OWNER\\s+active\\s+${owner.email}\\s+\\S+\\s+never`),
    );

    // The new key works on its own, from the environment.
    const newKeyEnv = { ...freshHome().env, SOCIFYR_API_KEY: plaintext, SOCIFYR_API_URL: server.apiUrl };
    const me = JSON.parse((await socifyr(['whoami', '--json'], newKeyEnv)).stdout) as {
      apiKey: { id: string };
    };
    expect(me.apiKey).toMatchObject({ label: 'CI bot', hint });

    const keys = JSON.parse((await socifyr(['keys', '--json'], shell)).stdout) as {
      id: string;
      label: string;
    }[];
    expect(keys.map((k) => k.label)).toEqual(['CI bot', 'e2e']);
    expect(JSON.stringify(keys)).not.toContain(plaintext);

    expect(await socifyr(['keys', 'delete', me.apiKey.id], shell)).toEqual({
      code: 0,
      stdout: `Deleted API key ${me.apiKey.id}.\n`,
      stderr: '',
    });
    expect(await socifyr(['whoami'], newKeyEnv)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'socifyr: Invalid API key (401). Check SOCIFYR_API_KEY or run socifyr configure.\n',
    });

    // The plaintext was printed by that one run and nowhere else: not by any other run, not in the config folder.
    const showing = transcript.filter(({ run }) => (run.stdout + run.stderr).includes(plaintext));
    expect(showing.map(({ argv }) => argv)).toEqual([['keys', 'create', '--label', 'CI bot']]);
    for (const name of readdirSync(configDir)) {
      expect(readFileSync(join(configDir, name), 'utf8')).not.toContain(plaintext);
    }
    expect(server.output()).not.toContain(plaintext);
    expect(server.output()).not.toContain(plaintext.slice(7, 60));
  });

  it('keys create --json prints the created object', async () => {
    const created = await socifyr(['keys', 'create', '--label', 'json', '--json'], shell);
    const data = JSON.parse(created.stdout) as { plaintext: string; key: { id: string; label: string } };
    expect(data.plaintext).toMatch(KEY_PATTERN);
    expect(data.key).toMatchObject({ label: 'json', status: 'active', workspaceId: owner.workspaceId });
    expect(created.stderr).toBe('');
    await socifyr(['keys', 'delete', data.key.id], shell);
  });

  it('members list and workspaces list', async () => {
    const members = await socifyr(['members', 'list'], shell);
    expect(members.stdout.split('\n')[0]).toMatch(/^USER ID\s+NAME\s+EMAIL\s+ROLE\s+JOINED$/);
    expect(members.stdout).toMatch(new RegExp(`${owner.userId}\\s+${owner.name}\\s+${owner.email}\\s+OWNER`));
    expect(JSON.parse((await socifyr(['members', '--json'], shell)).stdout)).toMatchObject([
      { userId: owner.userId, roleKey: 'OWNER' },
    ]);

    const workspaces = await socifyr(['workspaces', 'list'], shell);
    expect(workspaces.stdout).toMatch(
      new RegExp(`^${owner.workspaceId}\\s+${owner.name}'s workspace\\s+free`, 'm'),
    );
    expect(JSON.parse((await socifyr(['workspaces', '--json'], shell)).stdout)).toMatchObject([
      { id: owner.workspaceId, tier: 'free' },
    ]);
  });

  it('configure --show hints the key and says where each setting came from', async () => {
    const shown = await socifyr(['configure', '--show', '--workspace', owner.workspaceId], shell);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^API key\s+sk_[0-9a-f]{4}…[0-9a-f]{4} {2}from config file$/m);
    expect(shown.stdout).toMatch(new RegExp(`^Workspace\\s+${owner.workspaceId} {2}from --workspace$`, 'm'));
    expect(shown.stdout).toMatch(new RegExp(`^API URL\\s+${server.apiUrl} {2}from config file$`, 'm'));
    expect(shown.stdout).not.toContain(owner.apiKey);
  });

  it('no run ever printed the configured key', () => {
    expect(transcript.length).toBeGreaterThan(10);
    for (const { run } of transcript) {
      expect(run.stdout + run.stderr).not.toContain(owner.apiKey);
      expect(run.stdout + run.stderr).not.toContain(owner.apiKey.slice(7, 60));
    }
  });
});

describe('exit codes', SLOW, () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = { ...freshHome().env, SOCIFYR_API_KEY: owner.apiKey, SOCIFYR_API_URL: server.apiUrl };
  });

  it('1 for an unknown command, a missing argument, and 400, 404 and 409 from the server', async () => {
    expect(await socifyr(['frobnicate'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'socifyr: Unknown command "frobnicate". Run socifyr --help.\n',
    });
    expect(await socifyr(['content', 'get'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'socifyr: Missing argument <id>. Usage: socifyr content get <id>\n',
    });
    expect(await socifyr(['content', 'create', '--text', 'x', '--connection', 'x-nobody'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'socifyr: Connection "x-nobody" not found (400).\n',
    });
    const notFound = await socifyr(['content', 'get', 'post_0000000000000000000000000000'], env);
    expect(notFound).toMatchObject({ code: 1, stdout: '' });
    expect(notFound.stderr).toMatch(/^socifyr: .*not found \(404\)\.\n$/i);
    await socifyr(['connections', 'add', '--platform', 'reddit', '--handle', 'twice'], env);
    const twice = await socifyr(['connections', 'add', '--platform', 'reddit', '--handle', 'twice'], env);
    expect(twice).toMatchObject({ code: 1, stdout: '' });
    expect(twice.stderr).toMatch(/^socifyr: .*reddit-twice.* \(409\)\.\n$/);
  });

  it('2 for an unknown key, with the line the documentation promises', async () => {
    // Well-formed (right shape and checksum), so only the server can tell it is not a key.
    const stranger = generateKey();
    expect(await socifyr(['connections'], { ...env, SOCIFYR_API_KEY: stranger })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'socifyr: Invalid API key (401). Check SOCIFYR_API_KEY or run socifyr configure.\n',
    });
  });

  it('2 for a malformed key, refused before anything is sent, without echoing it', async () => {
    const typo = `${owner.apiKey.slice(0, -1)}${owner.apiKey.endsWith('0') ? '1' : '0'}`;
    const run = await socifyr(['connections', '--key', typo], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^socifyr: The API key from the --key flag \(sk_[0-9a-f]{4}…[0-9a-f]{4}\) is malformed: its checksum does not match/,
    );
    expect(run.stderr).not.toContain(typo.slice(7, 60));
    expect(await socifyr(['whoami'], { ...env, SOCIFYR_API_KEY: 'not-a-key' })).toMatchObject({ code: 2 });
    expect(await socifyr(['whoami'], { ...freshHome().env, SOCIFYR_API_URL: server.apiUrl })).toMatchObject({
      code: 2,
      stderr:
        'socifyr: No API key. Give --key, set SOCIFYR_API_KEY, or run socifyr configure --key sk_… --workspace ws_….\n',
    });
  });

  it('2 for a 403: a key naming another workspace', async () => {
    const other = await signUpOwner(server);
    const run = await socifyr(['connections', '--workspace', other.workspaceId], env);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^socifyr: .+ \(403\)\.\n$/);
  });

  it('3 when nothing listens at the API URL', async () => {
    const port = await freePort();
    const run = await socifyr(['connections', '--api-url', `http://127.0.0.1:${port}/api`], env);
    expect(run).toMatchObject({ code: 3, stdout: '' });
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^socifyr: Network error: .*ECONNREFUSED.*Is the API at http:\/\/127\.0\.0\.1:\d+\/api \(from the --api-url flag\) reachable\?/,
    );
  });

  it('3 when the server keeps failing (a proxy answering 503)', async () => {
    const proxy: Server = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = await socifyr(['whoami', '--api-url', `http://127.0.0.1:${port}/api`], env);
      expect(run).toMatchObject({ code: 3, stdout: '' });
      expect(run.stderr).toMatch(/^socifyr: .*503.* \(503\)\.\n$/);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('help and version', () => {
  it('--version prints the package version', async () => {
    expect(await socifyr(['--version'], freshHome().env)).toEqual({
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
  });

  it('--help on a command and socifyr help <command> print the same help', async () => {
    const { env } = freshHome();
    const flag = await socifyr(['content', 'create', '--help'], env);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain(
      'Usage: socifyr content create --text <text> --connection <slug> [options]',
    );
    expect(await socifyr(['help', 'content', 'create'], env)).toEqual(flag);
  });

  it('runs as `npx socifyr` through the linked bin', async () => {
    const linked = join(REPO_ROOT, 'node_modules/.bin/socifyr');
    expect(await socifyr(['--version'], freshHome().env, linked)).toMatchObject({
      code: 0,
      stdout: `${VERSION}\n`,
    });
  });
});

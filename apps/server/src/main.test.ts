/**
 * The real process: `socifyr-server` built by `npm install`, started as a child process on a temporary
 * data folder and spoken to over HTTP exactly as the README and the seed page do.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../bin/socifyr-server.js', import.meta.url));
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

const running: ChildProcess[] = [];

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them.
const json = async (response: Response): Promise<any> => response.json();

async function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), SOCIFYR_DATA_DIR: dataDir, SOCIFYR_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}/api`;
  for (let attempt = 0; attempt < 200 && child.exitCode === null; attempt++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base, output: () => output };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`server did not start:\n${output}`);
}

async function stop({ child }: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm install does it)`);
});

describe('socifyr-server', () => {
  it('serves the seed flow, flushes lastUsedAt on SIGTERM, and keeps it across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-main-'));
    let server = await start(dataDir);

    const signup = await fetch(`${server.base}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' }),
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    expect(signup.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const me = await json(await fetch(`${server.base}/auth/me`, { headers: { cookie } }));
    const workspaceId: string = me.data.workspaces[0].id;

    const created = await fetch(`${server.base}/workspaces/${workspaceId}/api-keys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'socifyr' },
      body: JSON.stringify({ label: 'Production backend' }),
    });
    expect(created.status).toBe(201);
    const { plaintext, key } = (await json(created)).data;

    const content = await fetch(`${server.base}/content`, {
      headers: { Authorization: `Bearer ${plaintext}`, 'X-Workspace-Id': workspaceId },
    });
    expect(content.status).toBe(200);
    expect((await json(content)).data).toMatchObject({ results: [], total: 0 });

    const listKeys = async (base: string) =>
      (await json(await fetch(`${base}/workspaces/${workspaceId}/api-keys`, { headers: { cookie } }))).data;
    const [used] = await listKeys(server.base);
    expect(used.id).toBe(key.id);
    expect(used.lastUsedAt).not.toBeNull();

    expect(await stop(server)).toBe(0);
    expect(server.output()).not.toContain(plaintext);
    expect(statSync(join(dataDir, 'key-secret')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'socifyr.db'))).toBe(true);

    server = await start(dataDir);
    const [again] = await listKeys(server.base);
    expect(again.lastUsedAt).toBe(used.lastUsedAt);
    const reuse = await fetch(`${server.base}/auth/me`, {
      headers: { Authorization: `Bearer ${plaintext}` },
    });
    expect(reuse.status).toBe(200);
    await stop(server);
  });

  it('applies the rate limits configured in the environment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-limits-'));
    const env = { ...process.env, SOCIFYR_DATA_DIR: dataDir };
    const args = [MAIN, 'bootstrap', '--email', 'ci@example.com', '--password', 'a long ci password'];
    const { apiKey } = JSON.parse((await run(process.execPath, args, { env })).stdout);
    const server = await start(dataDir, { SOCIFYR_RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${server.base}/content`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      });
      statuses.push(response.status);
      if (i === 0) expect(response.headers.get('ratelimit-limit')).toBe('3');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    await stop(server);
  });

  it('bootstrap creates an owner, a workspace and a working key, and reuses the owner', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-bootstrap-'));
    const env = { ...process.env, SOCIFYR_DATA_DIR: dataDir };
    const args = [MAIN, 'bootstrap', '--email', 'ci@example.com', '--password', 'a long ci password'];
    const first = JSON.parse((await run(process.execPath, args, { env })).stdout);
    expect(first).toEqual({
      workspaceId: expect.stringMatching(/^ws_/),
      apiKey: expect.stringMatching(/^sk_[0-9a-f]{64}$/),
    });
    const second = JSON.parse((await run(process.execPath, [...args, '--workspace', 'CI'], { env })).stdout);
    expect(second.workspaceId).not.toBe(first.workspaceId);
    // The password may come from the environment instead, out of sight of `ps`.
    const again = await run(
      process.execPath,
      [MAIN, 'bootstrap', '--email', 'ci@example.com', '--workspace', 'CI'],
      { env: { ...env, SOCIFYR_BOOTSTRAP_PASSWORD: 'a long ci password' } },
    );
    expect(JSON.parse(again.stdout).workspaceId).toBe(second.workspaceId);
    expect(again.stderr).toContain(`using the data folder ${dataDir}`);

    const server = await start(dataDir);
    for (const { apiKey, workspaceId } of [first, second]) {
      const response = await fetch(`${server.base}/content`, {
        headers: { Authorization: `Bearer ${apiKey}`, 'X-Workspace-Id': workspaceId },
      });
      expect(response.status).toBe(200);
    }
    const me = await json(
      await fetch(`${server.base}/auth/me`, { headers: { Authorization: `Bearer ${first.apiKey}` } }),
    );
    expect(me.data.user.email).toBe('ci@example.com');
    await stop(server);

    const wrongPassword = run(
      process.execPath,
      [MAIN, 'bootstrap', '--email', 'ci@example.com', '--password', 'not the password'],
      {
        env,
      },
    );
    await expect(wrongPassword).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Invalid email or password'),
    });
  });

  it.each([
    [
      ['bootstrap', '--email', 'x@example.com'],
      /^socifyr-server: bootstrap needs --email, and --password or the SOCIFYR_BOOTSTRAP_PASSWORD variable\n/,
    ],
    [
      ['bootstrap', '--email', 'x@example.com', '--password', 'short'],
      /^socifyr-server: password must be at least 10 characters\n/,
    ],
    [
      ['bootstrap', '--email', 'not-an-email', '--password', 'long enough pw'],
      /^socifyr-server: email must be an email address, e.g. ada@example.com\n/,
    ],
    [
      ['bootstrap', '--email', 'x@example.com', '--password', 'long enough pw', '--workspace', ' '],
      /^socifyr-server: workspace should not be blank\n/,
    ],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 1 with a clear message for %j', async (argv, message) => {
    const env = {
      ...process.env,
      SOCIFYR_DATA_DIR: mkdtempSync(join(tmpdir(), 'socifyr-usage-')),
      SOCIFYR_BOOTSTRAP_PASSWORD: '',
    };
    await expect(run(process.execPath, [MAIN, ...argv], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(message),
    });
  });

  it('says in its usage where else the bootstrap password may come from', async () => {
    const { stdout } = await run(process.execPath, [MAIN, '--help']);
    expect(stdout).toMatch(/bootstrap --email E \[--password P\]/);
    expect(stdout).toMatch(/Without --password, the password comes from \$SOCIFYR_BOOTSTRAP_PASSWORD/);
  });

  it.each(['', 'too short\n'])(
    'refuses a key-secret file holding %j, in one line that names it',
    async (content) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-short-secret-'));
      const file = join(dataDir, 'key-secret');
      writeFileSync(file, content, { mode: 0o600 });
      const env = { ...process.env, SOCIFYR_DATA_DIR: dataDir };
      const failure = await run(process.execPath, [MAIN], { env }).catch((error) => error);
      expect(failure.code).toBe(1);
      expect(failure.stderr).toMatch(
        `socifyr-server: the key secret file ${file} ${content ? 'holds only 9 characters' : 'is empty'}, but a key secret has at least 32: restore the file from your backup`,
      );
      expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('refuses DATABASE_URL without the shared key secret, and says why', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: 'postgres://db/socifyr',
      REDIS_URL: 'redis://cache:6379',
    };
    delete env.SOCIFYR_KEY_SECRET;
    await expect(run(process.execPath, [MAIN], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /Invalid configuration:\n {2}- DATABASE_URL needs SOCIFYR_KEY_SECRET: every server of the deployment must use the same one/,
      ),
    });
  });

  it('stops with one clear line when PostgreSQL cannot be reached, without showing the password', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: 'postgres://socifyr:hunter2-password@127.0.0.1:1/socifyr',
      SOCIFYR_KEY_SECRET: 'k'.repeat(40),
    };
    const refused = run(process.execPath, [MAIN], { env });
    await expect(refused).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^socifyr-server: cannot use the PostgreSQL database at postgres:\/\/socifyr:\*\*\*@127\.0\.0\.1:1\/socifyr \(.*ECONNREFUSED.*\); check DATABASE_URL and that the server is running\n$/,
      ),
    });
    await expect(refused).rejects.toMatchObject({ stderr: expect.not.stringContaining('hunter2') });
  });

  it('refuses to start with a key secret other than the one its keys were made with, unless told to', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-secret-'));
    const env = { ...process.env, SOCIFYR_DATA_DIR: dataDir };
    const args = [MAIN, 'bootstrap', '--email', 'ci@example.com', '--password', 'a long ci password'];
    const { apiKey } = JSON.parse((await run(process.execPath, args, { env })).stdout);
    const otherSecret = 'x'.repeat(64);

    // The server, and a bootstrap run that would hand out keys the server rejects, both refuse.
    for (const argv of [[MAIN], args]) {
      const refused = run(process.execPath, argv, { env: { ...env, SOCIFYR_KEY_SECRET: otherSecret } });
      await expect(refused).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /the key secret \(SOCIFYR_KEY_SECRET\) is not the one this database was set up with, under which its 1 API key\(s\) were made.*SOCIFYR_ACCEPT_NEW_KEY_SECRET=1/,
        ),
      });
    }

    // Told to, it adopts the new secret: the old key stops working, and it says so.
    const server = await start(dataDir, {
      SOCIFYR_KEY_SECRET: otherSecret,
      SOCIFYR_ACCEPT_NEW_KEY_SECRET: '1',
    });
    const response = await fetch(`${server.base}/auth/me`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(401);
    await stop(server);
    expect(server.output()).toMatch(
      /"level":40.*key secret replaced by SOCIFYR_KEY_SECRET.*the 1 API key\(s\) made under the previous one no longer work/,
    );
    expect(server.output()).not.toContain(otherSecret);
  });

  it('names SOCIFYR_DATA_DIR when the data folder cannot be used', async () => {
    const env = { ...process.env, SOCIFYR_DATA_DIR: '/etc/passwd' };
    await expect(run(process.execPath, [MAIN], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/SOCIFYR_DATA_DIR=\/etc\/passwd cannot be used/),
    });
  });

  it('says what to do when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const env = {
      ...process.env,
      PORT: String(port),
      SOCIFYR_DATA_DIR: mkdtempSync(join(tmpdir(), 'socifyr-port-')),
    };
    try {
      await expect(run(process.execPath, [MAIN], { env })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/EADDRINUSE.*stop it or set PORT to a free one/),
      });
    } finally {
      blocker.close();
    }
  });

  it('refuses to start on a bad configuration and names the variable', async () => {
    const env = { ...process.env, PORT: 'eighty', SOCIFYR_LOG_LEVEL: 'loud' };
    await expect(run(process.execPath, [MAIN], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /Invalid configuration:\n {2}- SOCIFYR_LOG_LEVEL must be one of.*\n {2}- PORT must be a whole number/,
      ),
    });
  });
});

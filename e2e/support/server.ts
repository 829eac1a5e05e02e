/**
 * A real `socifyr-server` process for black-box tests: the built entry point, on a free loopback port,
 * with its own fresh data folder. Every line it logs is kept, so tests can check what it wrote.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_ENTRY = join(REPO_ROOT, 'apps/server/dist/main.js');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** `${origin}/api`: what the SDK and the CLI take as their API URL. */
  apiUrl: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Stops the process (SIGTERM, so pending key usage is flushed) and removes its data folder. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment, e.g. raised rate limits. */
  env?: Record<string, string>;
  /** Keep the data folder after stop (to restart on it). */
  dataDir?: string;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the built server and resolves once /api/health answers. Run `npm run build` first. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'socifyr-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SOCIFYR_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`socifyr-server exited with ${child.exitCode} before it answered:\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`socifyr-server did not answer /api/health within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return { origin, apiUrl: `${origin}/api`, dataDir, output: () => output, stop };
}

export interface Owner {
  email: string;
  password: string;
  name: string;
  userId: string;
  workspaceId: string;
  /** `socifyr_session=…`, for requests made as the person. */
  cookie: string;
  /** A key the owner created, with its plaintext. */
  apiKey: string;
  apiKeyId: string;
}

let people = 0;

/** Signs a new person up over HTTP and creates a key for them, as the dashboard and the seed page would. */
export async function signUpOwner(server: RunningServer, name = `Owner ${++people}`): Promise<Owner> {
  const email = `owner-${Date.now()}-${people}@example.com`;
  const password = 'correct horse battery staple';
  const signup = await fetch(`${server.apiUrl}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name }),
  });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}: ${await signup.text()}`);
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
  const userId = ((await signup.json()) as { data: { user: { id: string } } }).data.user.id;

  const me = await fetch(`${server.apiUrl}/auth/me`, { headers: { cookie } });
  const workspaceId = ((await me.json()) as { data: { workspaces: { id: string }[] } }).data.workspaces[0]!
    .id;

  const created = await fetch(`${server.apiUrl}/workspaces/${workspaceId}/api-keys`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'socifyr' },
    body: JSON.stringify({ label: 'e2e' }),
  });
  const key = ((await created.json()) as { data: { plaintext: string; key: { id: string } } }).data;
  return {
    email,
    password,
    name,
    userId,
    workspaceId,
    cookie,
    apiKey: key.plaintext,
    apiKeyId: key.key.id,
  };
}

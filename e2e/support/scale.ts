/**
 * Support for the multi-process tests: a fresh PostgreSQL database on the cluster `npm run test:scale`
 * started, a redis-server of a test's own (to stop and restart), and a small HTTP client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { freePort } from './server.js';

/** Administrator URL of the test cluster; unset outside `npm run test:scale`. */
export const ADMIN_DATABASE_URL = process.env.SOCIFYR_TEST_DATABASE_URL?.trim() || undefined;
export const SHARED_REDIS_URL = process.env.SOCIFYR_TEST_REDIS_URL?.trim() || undefined;

/** Creates an empty database and returns its URL; the servers migrate it themselves. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!ADMIN_DATABASE_URL) throw new Error('SOCIFYR_TEST_DATABASE_URL is not set: run npm run test:scale');
  const name = `socifyr_scale_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface OwnRedis {
  url: string;
  /** Kills the process (as a crash would); its data is gone, as on a restart without persistence. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-server on a free loopback port that only this test uses. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitUntil(() => listening(port), 10_000, `redis-server on ${port} did not start`);
  };
  const kill = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, restart: start, stop: kill };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` until it is true; throws `message` after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  message: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface CallOptions {
  key?: string;
  cookie?: string;
  body?: unknown;
  /** Sent as X-Forwarded-For: the client address a server that trusts its proxy will see. */
  forwardedFor?: string;
}

/** One API call; resolves to the status and the parsed envelope. */
export async function call(
  apiUrl: string,
  method: string,
  path: string,
  { key, cookie, body, forwardedFor }: CallOptions = {},
): Promise<{ status: number; body: { success: boolean; data?: unknown; error?: unknown } }> {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (cookie) {
    headers.cookie = cookie;
    headers['x-requested-with'] = 'socifyr';
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

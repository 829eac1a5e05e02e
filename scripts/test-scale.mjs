#!/usr/bin/env node
/**
 * `npm run test:scale`: the server's whole route suite on PostgreSQL + Redis, and the multi-process tests
 * of e2e/scale*.test.ts. Starts a throwaway PostgreSQL cluster (initdb + pg_ctl from the system's binaries,
 * as the `postgres` user when run as root) and a redis-server, each on a free loopback port, and stops
 * both afterwards, whatever happens. Extra arguments go to Vitest.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUITES = ['apps/server/src', 'e2e/scale'];

/** The newest PostgreSQL of the system: Debian keeps each major version's tools in its own folder. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (initdb and pg_ctl are needed)');
  }
}

function requireCommand(name, hint) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is not installed: ${hint}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
/** PostgreSQL refuses to run as root, so its commands run as the `postgres` user then. */
function runPostgresTool(bin, args, cwd) {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  // Run from a folder the postgres user may enter (not root's working directory).
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'inherit'], cwd });
}

async function startPostgres(dir) {
  const bin = postgresBin();
  const port = await freePort();
  const data = join(dir, 'pg');
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  runPostgresTool(join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  // A throwaway cluster: durability settings off, room for every test process's pools.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=500',
  ].join(' ');
  const log = join(dir, 'pg.log');
  try {
    runPostgresTool(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', log, '-w', 'start'], dir);
  } catch (error) {
    if (existsSync(log)) process.stderr.write(readFileSync(log, 'utf8'));
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => runPostgresTool(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], dir),
  };
}

async function startRedis() {
  requireCommand('redis-server', 'apt-get install redis-server');
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (redis.exitCode !== null || Date.now() > deadline) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => redis.kill('SIGKILL') };
}

/** True when something accepts connections on the loopback port. */
function answers(port) {
  return new Promise((resolve) => {
    const client = connect(port, '127.0.0.1');
    client.once('connect', () => {
      client.end();
      resolve(true);
    });
    client.once('error', () => resolve(false));
  });
}

function runVitest(env) {
  return new Promise((resolve) => {
    const vitest = spawn('npx', ['vitest', 'run', ...SUITES, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    vitest.once('exit', (code) => resolve(code ?? 1));
    vitest.once('error', (error) => {
      console.error(`test:scale: could not run vitest: ${error.message}`);
      resolve(1);
    });
    running = vitest;
  });
}

let running;

const dir = mkdtempSync(join(tmpdir(), 'socifyr-scale-'));
const stops = [];

function cleanUp() {
  for (const stop of stops.splice(0).reverse()) {
    try {
      stop();
    } catch (error) {
      console.error(`test:scale: while stopping: ${error.message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

// Interrupted (Ctrl-C, a CI timeout): stop the tests and both servers before leaving.
for (const [signal, exitCode] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    running?.kill(signal);
    cleanUp();
    process.exit(exitCode);
  });
}

let code = 1;
try {
  const postgres = await startPostgres(dir);
  stops.push(postgres.stop);
  const redis = await startRedis();
  stops.push(redis.stop);
  console.log(`test:scale: PostgreSQL at ${postgres.url}, Redis at ${redis.url}`);
  code = await runVitest({ SOCIFYR_TEST_DATABASE_URL: postgres.url, SOCIFYR_TEST_REDIS_URL: redis.url });
} catch (error) {
  console.error(`test:scale: ${error.message}`);
} finally {
  cleanUp();
}
process.exit(code);

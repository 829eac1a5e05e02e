/**
 * Throwaway PostgreSQL and Redis servers for test:scale and the scale benchmark: a PostgreSQL cluster made
 * with initdb + pg_ctl from the system's binaries (as the `postgres` user when run as root) and a
 * redis-server, each on a free loopback port. `startServices()` starts both; `stop()` stops both and removes
 * the cluster's folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function freePort() {
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

/** A cluster in a folder of its own under the system's temporary folder (which the postgres user can reach). */
export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'socifyr-pg-'));
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
    stop: () => {
      try {
        runPostgresTool(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function startRedis() {
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

/** Both servers; the returned `stop` stops whichever started. */
export async function startServices() {
  const stops = [];
  const stop = () => {
    for (const each of stops.splice(0).reverse()) {
      try {
        each();
      } catch (error) {
        console.error(`while stopping: ${error.message}`);
      }
    }
  };
  try {
    const postgres = await startPostgres();
    stops.push(postgres.stop);
    const redis = await startRedis();
    stops.push(redis.stop);
    return { postgresUrl: postgres.url, redisUrl: redis.url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

#!/usr/bin/env node
/**
 * `npm run test:scale`: the server's whole route suite on PostgreSQL + Redis, and the multi-process tests
 * of e2e/scale*.test.ts. Starts a throwaway PostgreSQL cluster (initdb + pg_ctl from the system's binaries,
 * as the `postgres` user when run as root) and a redis-server, each on a free loopback port, and stops
 * both afterwards, whatever happens. Extra arguments go to Vitest.
 */
import { spawn } from 'node:child_process';
import { startServices } from './services.mjs';

const SUITES = ['apps/server/src', 'e2e/scale'];

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

let stopServices = () => {};

function cleanUp() {
  stopServices();
  stopServices = () => {};
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
  const services = await startServices();
  stopServices = services.stop;
  console.log(`test:scale: PostgreSQL at ${services.postgresUrl}, Redis at ${services.redisUrl}`);
  code = await runVitest({
    SOCIFYR_TEST_DATABASE_URL: services.postgresUrl,
    SOCIFYR_TEST_REDIS_URL: services.redisUrl,
  });
} catch (error) {
  console.error(`test:scale: ${error.message}`);
} finally {
  cleanUp();
}
process.exit(code);

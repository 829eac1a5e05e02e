/**
 * Starts the server under test (serve.mjs) as a child process on a free loopback port, and talks to it
 * over IPC: how many queries it has sent so far, and stop (which flushes, as SIGTERM does).
 */
import { fork } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countsBetween } from './query-counter.mjs';

/** Path of the probe route serve.mjs adds: /api/health's shape, with authentication. */
export const AUTH_ONLY_PATH = '/api/bench/auth-only';
/** Path of the probe route with /api/health's shape plus the three RateLimit response headers, no authentication. */
export const HEADERS_ONLY_PATH = '/api/bench/headers-only';

/** Limits high enough that no benchmark meets them (the configuration's maxima are 1e6/s and 6e7/min). */
export const RAISED_LIMITS = {
  SOCIFYR_RATE_LIMIT_PER_SECOND: '1000000',
  SOCIFYR_RATE_LIMIT_PER_MINUTE: '60000000',
};

const SERVE = new URL('./serve.mjs', import.meta.url);
/** How long the server may take to open its database and listen: 60 s (a 1M-key database is large). */
const START_TIMEOUT_MS = 60_000;

/**
 * @param {{ dataDir: string, keySecret: string, env?: Record<string,string>, execArgv?: string[], name?: string }} options
 *   `env` adds to (or overrides) the defaults: raised rate limits, log level warn.
 */
/**
 * A `compare()` observer for variants that name their `server`: what the server did during each run —
 * queries (by kind and table) and CPU time, so CPU per request can be compared even when the load
 * generator, not the server, limits the throughput.
 */
export const observeServer = async (variant) => {
  const before = await variant.server.counts();
  return async () => countsBetween(before, await variant.server.counts());
};

export async function startServer({ dataDir, keySecret, env = {}, execArgv = [], name = 'server' }) {
  // The server's log goes to a file, not through this process: the load generator lives here.
  const logFile = join(dataDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const child = fork(SERVE, [], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      SOCIFYR_DATA_DIR: dataDir,
      SOCIFYR_KEY_SECRET: keySecret,
      SOCIFYR_LOG_LEVEL: 'warn',
      ...RAISED_LIMITS,
      ...env,
    },
    execArgv,
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8').slice(-4000);

  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output()}`));
    }, START_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${output()}`));
    });
  });

  /** Sends one message and waits for the answer of the given type. */
  const ask = (type, answer) =>
    new Promise((resolve) => {
      const onMessage = (message) => {
        if (message?.type !== answer) return;
        child.off('message', onMessage);
        resolve(message.counts);
      };
      child.on('message', onMessage);
      child.send({ type });
    });

  return {
    name,
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid,
    /** Queries the server has sent to its database since it started (see query-counter.mjs), and its CPU time. */
    counts: () => ask('counts', 'counts'),
    /** Stops the server gracefully (pending lastUsedAt values are written); resolves with its final counts. */
    async stop() {
      if (child.exitCode !== null) return undefined;
      const counts = await ask('stop', 'stopped');
      await exited;
      return counts;
    },
    output,
  };
}

/**
 * Process entry: `socifyr-server` serves the API; `socifyr-server bootstrap …` sets up an owner,
 * a workspace and a key for scripts and CI. Only this file calls process.exit.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { appDepsFor, policyOf } from './app-deps.js';
import { bootstrap, bootstrapProblems } from './bootstrap.js';
import { bootstrapPassword, ConfigError, loadConfig } from './config.js';
import { isDashboardBuilt } from './http/dashboard.js';
import { KeySecretFileError } from './keys/server-secret.js';
import {
  DatabaseUnavailableError,
  DataDirError,
  KeySecretMismatchError,
  lastRedisError,
  openStores,
} from './stores.js';
import { SERVER_VERSION } from './version.js';

/** How long Redis may take to answer at start before the log says it is missing. */
const REDIS_START_GRACE_MS = 2000;

const USAGE = `Usage:
  socifyr-server                 serve the API on $HOST:$PORT (default 127.0.0.1:8101)
  socifyr-server bootstrap --email E [--password P] [--workspace NAME]
                                 create (or reuse) an owner, a workspace and an API key; prints JSON.
                                 Without --password, the password comes from $SOCIFYR_BOOTSTRAP_PASSWORD,
                                 which other users of the machine cannot see in \`ps\` as they can --password
  socifyr-server --version | --help`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const stores = await openStores(config);
  const app = await buildApp(appDepsFor(config, stores));
  for (const { level, message } of stores.notices) app.log[level](message);
  if (!isDashboardBuilt(config.dashboardDir)) {
    app.log.warn(
      `No built dashboard in ${config.dashboardDir}: serving the API only (run npm run build, or set SOCIFYR_DASHBOARD_DIR)`,
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing requests and writing pending key usage`);
    await app.close();
    await stores.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (stores.redis) reportRedisAtStart(stores.redis, app.log);
}

/** REDIS_URL set but Redis not answering yet: the server runs anyway, and says what that means. */
function reportRedisAtStart(redis: Redis, log: FastifyBaseLogger): void {
  if (redis.status === 'ready') return;
  const timer = setTimeout(() => {
    log.warn(
      { reason: lastRedisError(redis) ?? 'no answer' },
      'Redis is not reachable yet: until it is, rate limits are counted per server and keys, roles and sessions are cached for at most 1 s (check REDIS_URL, its password and that Redis runs)',
    );
  }, REDIS_START_GRACE_MS);
  timer.unref();
  redis.once('ready', () => clearTimeout(timer));
}

async function runBootstrap(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, password: { type: 'string' }, workspace: { type: 'string' } },
    strict: true,
  });
  const password = values.password ?? bootstrapPassword();
  if (!values.email || !password) {
    throw new UsageError(
      'bootstrap needs --email, and --password or the SOCIFYR_BOOTSTRAP_PASSWORD variable',
    );
  }
  const options = { email: values.email, password, workspace: values.workspace };
  const problems = bootstrapProblems(options);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const config = loadConfig();
  const stores = await openStores(config);
  // stdout carries only the JSON; where the data went is worth saying, since ./data depends on the folder.
  process.stderr.write(`socifyr-server: using the data folder ${resolve(config.dataDir)}\n`);
  for (const { level, message } of stores.notices) {
    if (level !== 'info') process.stderr.write(`socifyr-server: ${level}: ${message}\n`);
  }
  try {
    const result = await bootstrap(stores, options, { policy: policyOf(config) });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stores.close();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${SERVER_VERSION}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (command === undefined || command === 'serve') await serve();
    else if (command === 'bootstrap') await runBootstrap(rest);
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (
      error instanceof DataDirError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof KeySecretFileError ||
      error instanceof KeySecretMismatchError
    )
      process.stderr.write(`socifyr-server: ${error.message}\n`);
    else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`socifyr-server: ${(error as Error).message}\n\n${USAGE}\n`);
    } else if (
      ['ENOTFOUND', 'EADDRNOTAVAIL', 'EAI_AGAIN'].includes((error as NodeJS.ErrnoException).code ?? '')
    ) {
      process.stderr.write(
        `socifyr-server: HOST cannot be listened on (${(error as Error).message}); use an address of this machine, e.g. 127.0.0.1 or 0.0.0.0\n`,
      );
    } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(
        `socifyr-server: ${(error as Error).message}: another process uses this port; stop it or set PORT to a free one\n`,
      );
    } else process.stderr.write(`socifyr-server: ${(error as Error).message}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);

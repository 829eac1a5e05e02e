/**
 * The server under test, in its own process: configuration from the environment, the same stores, and
 * `buildApp` with the dependencies `socifyr-server` gives it (`appDepsFor`, apps/server/src/app-deps.ts),
 * with two additions for measuring, both outside the product's code:
 *  - the app's database handle counts every query (a Kysely plugin), reported to the bench over IPC;
 *  - two extra routes shaped like /api/health (same envelope and response schema): GET /api/bench/auth-only,
 *    authenticated like every other route, so its difference to health is authentication; and
 *    GET /api/bench/headers-only, unauthenticated but answering with the three RateLimit headers an
 *    authenticated response carries, to tell their cost apart.
 * Started by server-process.mjs with `fork`; answers {type:'counts'} (queries so far and the CPU time
 * used) and {type:'stop'} messages.
 */
import { serverModule } from './paths.mjs';
import { QueryCounter } from './query-counter.mjs';
import { AUTH_ONLY_PATH, HEADERS_ONLY_PATH } from './server-process.mjs';

const { buildApp } = await import(serverModule('app.js'));
const { appDepsFor } = await import(serverModule('app-deps.js'));
const { loadConfig } = await import(serverModule('config.js'));
const { openStores } = await import(serverModule('stores.js'));

const HEALTH_LIKE_RESPONSE = {
  200: {
    type: 'object',
    properties: {
      success: { type: 'boolean' },
      data: { type: 'object', properties: { status: { type: 'string' } } },
    },
  },
};

const config = loadConfig();
const stores = await openStores(config);
const counter = new QueryCounter();
// Wired by the same function as socifyr-server, with the query counter on the database handle.
const app = await buildApp({ ...appDepsFor(config, stores), db: stores.db.withPlugin(counter) });
app.get(
  AUTH_ONLY_PATH,
  { config: { auth: 'any' }, schema: { response: HEALTH_LIKE_RESPONSE } },
  async () => ({ success: true, data: { status: 'ok' } }),
);
app.get(
  HEADERS_ONLY_PATH,
  { config: { auth: 'none' }, schema: { response: HEALTH_LIKE_RESPONSE } },
  async (_request, reply) => {
    // The three headers every key-authenticated response carries, with values of the same length.
    reply.header('ratelimit-limit', 1_000_000);
    reply.header('ratelimit-remaining', 999_999);
    reply.header('ratelimit-reset', 1);
    return { success: true, data: { status: 'ok' } };
  },
);

/** Queries so far, and the CPU time this process has used (user + system, µs). */
const snapshot = () => {
  const cpu = process.cpuUsage();
  return { ...counter.snapshot(), cpuMicros: cpu.user + cpu.system };
};

process.on('message', async (message) => {
  if (message?.type === 'counts') process.send?.({ type: 'counts', counts: snapshot() });
  if (message?.type === 'stop') {
    // As on SIGTERM: finish requests, flush pending lastUsedAt values, close the database.
    await app.close();
    const counts = snapshot();
    await stores.close();
    process.send?.({ type: 'stopped', counts }, () => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));

await app.listen({ port: config.port, host: config.host });
process.send?.({ type: 'ready', port: app.server.address().port });

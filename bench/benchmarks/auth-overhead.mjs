/**
 * 1. What authentication costs: GET /api/health (no authentication) against authenticated routes, with
 * the per-key rate limits raised by configuration so that no request is refused.
 */
import { compare } from '../lib/load.mjs';
import { section, table } from '../lib/markdown.mjs';
import { bearer, rotation } from '../lib/requests.mjs';
import { newKeySecret, seedDataDir } from '../lib/seed.mjs';
import { AUTH_ONLY_PATH, HEADERS_ONLY_PATH, observeServer, startServer } from '../lib/server-process.mjs';
import { int, ms, percent, ratio, serverCost, verdict } from '../lib/stats.mjs';

/** Throughput an authenticated route must keep, relative to /api/health. */
export const TARGET = 0.85;

export async function authOverhead({ rounds, seconds, folder, log }) {
  const keySecret = newKeySecret();
  const seeded = await seedDataDir({ dataDir: folder('auth-overhead'), keySecret, keyCount: 1000 });
  const [k0, k1, k2, ...rest] = seeded.known.map((k) => k.plaintext);
  const server = await startServer({ dataDir: folder('auth-overhead'), keySecret });
  try {
    const url = (path) => `${server.origin}${path}`;
    const variants = [
      { name: 'health', label: 'GET /api/health — no authentication', url: url('/api/health') },
      {
        name: 'headers-only',
        label: `GET ${HEADERS_ONLY_PATH} — no authentication, with the three RateLimit headers`,
        url: url(HEADERS_ONLY_PATH),
      },
      {
        name: 'auth-only',
        label: `GET ${AUTH_ONLY_PATH} — authentication only, one busy key`,
        url: url(AUTH_ONLY_PATH),
        headers: bearer(k0),
      },
      {
        name: 'auth-only-rotating',
        label: `GET ${AUTH_ONLY_PATH} — authentication only, ${rest.length} keys in turn`,
        url: url(AUTH_ONLY_PATH),
        perConnection: rotation(AUTH_ONLY_PATH, rest),
      },
      {
        name: 'workspace',
        label: 'GET /api/workspaces/:id — one busy key (authentication + one workspace read)',
        url: url(`/api/workspaces/${seeded.workspaceId}`),
        headers: bearer(k1),
      },
      {
        name: 'me',
        label: 'GET /api/auth/me — one busy key (authentication + user and workspaces reads)',
        url: url('/api/auth/me'),
        headers: bearer(k2),
      },
    ];
    for (const v of variants) v.server = server;
    log(`auth overhead: ${variants.length} variants × ${rounds} rounds × ${seconds} s`);
    const results = await compare(variants, { rounds, seconds, observe: observeServer });
    const health = results.get('health');
    const healthCost = serverCost(health.runs);
    const rows = variants.map((v) => {
      const r = results.get(v.name);
      const cost = serverCost(r.runs);
      return [
        v.label,
        int(r.rps),
        ratio(r.rps, health.rps),
        ms(r.p50),
        ms(r.p99),
        `${cost.cpuPerRequestUs.toFixed(1)} µs`,
        ratio(healthCost.cpuPerRequestUs, cost.cpuPerRequestUs),
        percent(cost.busy),
      ];
    });
    const cpuRatio = (name) =>
      healthCost.cpuPerRequestUs / serverCost(results.get(name).runs).cpuPerRequestUs;
    const judged = (name) => {
      const r = results.get(name);
      return `throughput ${ratio(r.rps, health.rps)} of /api/health — ${verdict(r.rps / health.rps >= TARGET)}; by server CPU per request ${cpuRatio(name).toFixed(2)}× — ${verdict(cpuRatio(name) >= TARGET)}`;
    };
    const lines = [
      `GET /api/workspaces/:id with a valid key: ${judged('workspace')} (≥ ${TARGET}×); p99 ${ms(results.get('workspace').p99)} at 32 connections.`,
      `Authentication alone, one busy key: ${judged('auth-only')}.`,
      `Authentication alone, ${rest.length} keys in turn: ${judged('auth-only-rotating')}.`,
    ];
    const costOf = (name) => serverCost(results.get(name).runs).cpuPerRequestUs;
    const healthUs = healthCost.cpuPerRequestUs;
    // Why the target is met or not, in the units the server spends: µs of CPU per request.
    const why =
      `Why: authentication adds ${(costOf('auth-only') - healthUs).toFixed(1)} µs of server CPU to the ${healthUs.toFixed(1)} µs of a request to /api/health (one busy key); ` +
      `≥ ${TARGET}× would leave it ${((healthUs * (1 - TARGET)) / TARGET).toFixed(1)} µs. ` +
      `The three RateLimit headers alone take ${(costOf('headers-only') - healthUs).toFixed(1)} µs (second row); verifying a cached key and checking its rate limit take under 10 µs in-process (section 6: calls per second); ` +
      "the rest is spread over the request path (hooks, promises, header writes) — in a CPU profile (`npm run bench:profile -- --scenario=busy`) no function of the server's own is above about 1 % of the time, and socket writes are the largest item. " +
      "On this two-core machine, with the load generator on the other core, the bar sits below what an HMAC-keyed lookup behind Fastify's hooks costs; the table gives the cost per request so the gap can be followed from run to run.";
    return {
      title: '1. Authentication overhead',
      console: lines,
      markdown: section(
        '1. Authentication overhead',
        `Target: an authenticated route keeps ≥ ${TARGET}× the throughput of the unauthenticated \`GET /api/health\`. ` +
          'Rate limits raised by configuration (`SOCIFYR_RATE_LIMIT_PER_SECOND=1000000`, `SOCIFYR_RATE_LIMIT_PER_MINUTE=60000000`) so no request is refused; every request below answered 200. ' +
          `Database: ${seeded.known.length} keys. Each variant with its own key, so one variant's rate-limit history does not weigh on another.`,
        table(
          [
            'request',
            'req/s (median)',
            'vs health',
            'p50',
            'p99',
            'server CPU per request',
            'vs health',
            'server busy',
          ],
          rows,
        ),
        'The load generator has one core and the server the other. "Server busy" is the server\'s CPU time over the wall time: well under 100 % means the load generator, not the server, set the pace (it can pass 100 %: the garbage collector and thread pool of Node count too) — then throughput understates the server and "server CPU per request" (its user + system time divided by the requests it answered) is the fairer comparison; its "vs health" is the throughput ratio a saturated server would show.',
        lines.map((l) => `- ${l}`).join('\n'),
        why,
        'What each row measures:\n' +
          `- \`${HEADERS_ONLY_PATH}\` (also the bench's) is health plus the three \`RateLimit-*\` headers every key-authenticated response carries: what those headers cost on their own.\n` +
          `- \`${AUTH_ONLY_PATH}\` is added to the real app by the bench (not part of the product): the same handler, envelope and response schema as \`/api/health\`, but authenticated like every route. Its gap to health is the cost of authentication and nothing else: Bearer parsing, shape and CRC-32 check, HMAC-SHA-256, cache lookups (key, role), the per-key rate limit, and recording the use.\n` +
          '- `GET /api/workspaces/:id` adds path validation and one indexed SQLite read of the workspace: the lightest product route a key can call.\n' +
          '- `GET /api/auth/me` adds two reads (the user, and their workspaces).\n' +
          `- "one busy key" sends every request with one key; "${rest.length} keys in turn" spreads them over many keys, as many integrations do. The per-key rate limit keeps a log of each key's recent requests, so the two differ by how long that log gets.`,
      ),
    };
  } finally {
    await server.stop();
  }
}

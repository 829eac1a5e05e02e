/**
 * 2. Does verification slow down as keys accumulate? The same requests against a database of 1 000 keys
 * and one of 1 000 000, both servers running, measured in alternating rounds; and, below HTTP, the
 * cost of a cache miss (the one indexed query) on each database.
 */
import { openKeySystem } from '../lib/in-process-keys.mjs';
import { compare } from '../lib/load.mjs';
import { section, table } from '../lib/markdown.mjs';
import { bearer, rotation } from '../lib/requests.mjs';
import { newKeySecret, seedDataDir } from '../lib/seed.mjs';
import { AUTH_ONLY_PATH, observeServer, startServer } from '../lib/server-process.mjs';
import { int, median, ms, percent, ratio, serverCost, usFromMs, verdict } from '../lib/stats.mjs';

/** Throughput the large database must keep, relative to the small one. */
export const TARGET = 0.95;
const SMALL = 1000;

/** Time of one verification that misses the cache, over one pass of every known key with an empty cache. */
async function coldPassMs(system, keys) {
  const { keys: service } = system.fresh();
  const started = performance.now();
  for (const key of keys) {
    const result = await service.verify(key);
    if (!result.ok) throw new Error(`a seeded key did not verify (${result.reason}): seeding is wrong`);
  }
  return (performance.now() - started) / keys.length;
}

/** Median cache-miss time per database, passes alternating between the databases after one warm-up each. */
async function coldVerifyMs(stores, keySecret, rounds) {
  const systems = [];
  try {
    for (const { dataDir, seeded } of stores) {
      systems.push({
        system: await openKeySystem({ dataDir, keySecret }),
        keys: seeded.known.map((k) => k.plaintext),
      });
    }
    for (const { system, keys } of systems) await coldPassMs(system, keys);
    const passes = systems.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [...systems.keys()] : [...systems.keys()].reverse();
      for (const i of order) passes[i].push(await coldPassMs(systems[i].system, systems[i].keys));
    }
    return passes.map((list, i) => ({ keys: stores[i].keys, perVerifyMs: median(list) }));
  } finally {
    for (const { system } of systems) await system.close();
  }
}

export async function keyCount({ rounds, seconds, folder, largeKeyCount, log }) {
  const keySecret = newKeySecret();
  const stores = [];
  for (const keys of [SMALL, largeKeyCount]) {
    log(`key count: seeding ${int(keys)} keys…`);
    const dataDir = folder(`keys-${keys}`);
    const seeded = await seedDataDir({ dataDir, keySecret, keyCount: keys });
    log(`  ${seeded.seconds.toFixed(1)} s, ${(seeded.bytes / 2 ** 20).toFixed(0)} MiB`);
    stores.push({ keys, dataDir, seeded });
  }

  // Below HTTP first, with no server competing for the database or the cores.
  const cold = await coldVerifyMs(stores, keySecret, rounds);

  const servers = [];
  try {
    for (const { keys, dataDir } of stores) {
      servers.push({ keys, server: await startServer({ dataDir, keySecret, name: `server-${keys}` }) });
    }
    const variants = [];
    for (const [i, { keys, server }] of servers.entries()) {
      const { seeded } = stores[i];
      const [first, ...rest] = seeded.known.map((k) => k.plaintext);
      variants.push(
        {
          name: `workspace-${keys}`,
          keys,
          server,
          label: `GET /api/workspaces/:id — one busy key — ${int(keys)} keys stored`,
          url: `${server.origin}/api/workspaces/${seeded.workspaceId}`,
          headers: bearer(first),
        },
        {
          name: `rotating-${keys}`,
          keys,
          server,
          label: `GET ${AUTH_ONLY_PATH} — ${rest.length} keys in turn — ${int(keys)} keys stored`,
          url: `${server.origin}${AUTH_ONLY_PATH}`,
          perConnection: rotation(AUTH_ONLY_PATH, rest),
        },
      );
    }
    log(`key count: ${variants.length} variants × ${rounds} rounds × ${seconds} s`);
    const results = await compare(variants, { rounds, seconds, observe: observeServer });

    const pairs = [
      ['workspace', 'GET /api/workspaces/:id, one busy key'],
      ['rotating', `${AUTH_ONLY_PATH}, ${stores[0].seeded.known.length - 1} keys in turn`],
    ].map(([name, what]) => {
      const small = results.get(`${name}-${SMALL}`);
      const large = results.get(`${name}-${largeKeyCount}`);
      const cpu = serverCost(small.runs).cpuPerRequestUs / serverCost(large.runs).cpuPerRequestUs;
      return { what, small, large, r: large.rps / small.rps, cpu };
    });
    const rows = variants.map((v) => {
      const r = results.get(v.name);
      const cost = serverCost(r.runs);
      const queries = r.runs.reduce((n, run) => n + run.observed.total, 0);
      return [
        v.label,
        int(r.rps),
        ms(r.p50),
        ms(r.p99),
        `${cost.cpuPerRequestUs.toFixed(1)} µs`,
        percent(cost.busy),
        int(queries),
      ];
    });
    const [coldSmall, coldLarge] = cold;
    const lines = [
      ...pairs.map(
        (p) =>
          `${p.what}: with ${int(largeKeyCount)} keys ${ratio(p.large.rps, p.small.rps)} the throughput with ${int(SMALL)} keys — ${verdict(p.r >= TARGET)} (≥ ${TARGET}×); server CPU per request ${ratio(1, p.cpu)} that with ${int(SMALL)} keys — ${verdict(p.cpu >= TARGET)} (≤ ${(1 / TARGET).toFixed(2)}×).`,
      ),
      `A cache miss (verify() of a key not yet cached: HMAC, one indexed query joining the creator's membership and the workspace, cache fill): ${usFromMs(coldSmall.perVerifyMs)} with ${int(SMALL)} keys, ${usFromMs(coldLarge.perVerifyMs)} with ${int(largeKeyCount)} (${ratio(coldSmall.perVerifyMs, coldLarge.perVerifyMs)} the speed).`,
    ];
    return {
      title: '2. Key count',
      console: lines,
      markdown: section(
        '2. Key count',
        `Target: with ${int(largeKeyCount)} keys stored, ≥ ${TARGET}× the throughput with ${int(SMALL)} (verification does not slow as keys grow). ` +
          `Both databases are seeded by the bench straight into SQLite (batched inserts; each key made as the server makes it: \`generateKey\`, HMAC-SHA-256 digest under the server secret, hint, id). ` +
          `Seeding took ${stores.map((s) => `${s.seeded.seconds.toFixed(1)} s for ${int(s.keys)} keys (${(s.seeded.bytes / 2 ** 20).toFixed(0)} MiB)`).join(', ')}. ` +
          `Both servers run during the measurement; rounds alternate between them. The busy and the rotating keys sit in one workspace of ${int(stores[0].seeded.known.length)} keys in both databases; the large one has ${int(largeKeyCount / 1000)} such workspaces.`,
        table(
          ['request', 'req/s (median)', 'p50', 'p99', 'server CPU per request', 'server busy', 'queries'],
          rows,
        ),
        '"Queries" are all the store queries the server made during the counted rounds (key lookups happen on first use, before them, in the warm-up; the rest are the workspace reads of the route and the `lastUsedAt` flushes).',
        lines.map((l) => `- ${l}`).join('\n'),
        'After its first request a key is served from the in-process cache, so the number of keys stored only matters on a cache miss: the last line measures exactly that, in-process (no HTTP), as the median over passes through every known key with an empty cache each pass, passes alternating between the two databases after a warm-up pass on each.',
      ),
    };
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

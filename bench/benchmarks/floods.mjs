/**
 * 3. Floods of keys that cannot work: what they cost the store and how fast they are answered.
 * Bad checksums must cause no query at all; well-formed unknown keys a bounded number (the per-address
 * failed-attempt throttle, and the negative cache for unknown digests).
 */
import { badChecksumKeys, forwardedAddresses, unknownKeys } from '../lib/keys.mjs';
import { compare } from '../lib/load.mjs';
import { section, table } from '../lib/markdown.mjs';
import { rotation } from '../lib/requests.mjs';
import { newKeySecret, seedDataDir } from '../lib/seed.mjs';
import { observeServer, startServer } from '../lib/server-process.mjs';
import { int, percent, ratio, serverCost } from '../lib/stats.mjs';

/** Distinct keys per flood: more than the throttle (30 a minute) or a cache would let through. */
const DISTINCT_KEYS = 10_000;
/** Distinct keys and addresses of the spread-out flood. */
const SPREAD_KEYS = 1000;
const SPREAD_ADDRESSES = 10_000;
const PATH = '/api/workspaces';

export async function floods({ rounds, seconds, folder, log }) {
  const keySecret = newKeySecret();
  const dataDir = folder('floods');
  await seedDataDir({ dataDir, keySecret, keyCount: 1000 });

  const addresses = forwardedAddresses(SPREAD_ADDRESSES);
  const unknownSpread = unknownKeys(SPREAD_KEYS);
  const scenarios = [
    {
      name: 'bad-checksum',
      label: `bad checksums, ${int(DISTINCT_KEYS)} distinct, one address`,
      perConnection: rotation(PATH, badChecksumKeys(DISTINCT_KEYS)),
    },
    {
      name: 'unknown',
      label: `well-formed unknown keys, ${int(DISTINCT_KEYS)} distinct, one address`,
      perConnection: rotation(PATH, unknownKeys(DISTINCT_KEYS)),
    },
    {
      name: 'bad-checksum-spread',
      label: `bad checksums, ${int(DISTINCT_KEYS)} distinct, ${int(SPREAD_ADDRESSES)} addresses`,
      trustProxy: true,
      perConnection: rotation(PATH, badChecksumKeys(DISTINCT_KEYS), (i) => ({
        'x-forwarded-for': addresses[i % addresses.length],
      })),
    },
    {
      name: 'unknown-spread',
      label: `well-formed unknown keys, ${int(SPREAD_KEYS)} distinct, ${int(SPREAD_ADDRESSES)} addresses`,
      trustProxy: true,
      // Request i: unknown key i mod 1 000 from address i — every address sends few, every key comes back.
      perConnection: rotation(
        PATH,
        addresses.map((_, i) => unknownSpread[i % SPREAD_KEYS]),
        (i) => ({ 'x-forwarded-for': addresses[i] }),
      ),
    },
  ];

  const rows = [];
  const outcomes = [];
  for (const scenario of scenarios) {
    // A fresh server per flood: the throttle and the negative cache start empty, as for a first attack.
    const server = await startServer({
      dataDir,
      keySecret,
      name: `floods-${scenario.name}`,
      env: scenario.trustProxy ? { SOCIFYR_TRUST_PROXY: 'true' } : {},
    });
    try {
      const health = { name: 'health', url: `${server.origin}/api/health`, server };
      const flood = {
        name: scenario.name,
        url: `${server.origin}${PATH}`,
        perConnection: scenario.perConnection,
        allowNon2xx: true,
        server,
      };
      log(`floods: ${scenario.label}`);
      const before = await server.counts();
      const results = await compare([health, flood], {
        rounds,
        seconds,
        warmupSeconds: 0,
        observe: observeServer,
      });
      const after = await server.stop();
      const h = results.get('health');
      const f = results.get(scenario.name);
      // Everything the flood sent (no warm-up) against every query the server made: health makes none.
      const floodRequests = f.runs.reduce((n, run) => n + run.completed, 0);
      const queries = after.total - before.total;
      const keyQueries = (after.byQuery['select api_keys'] ?? 0) - (before.byQuery['select api_keys'] ?? 0);
      const statuses = Object.entries(f.statuses)
        .map(([code, n]) => `${code}: ${int(n)}`)
        .join(', ');
      const per10k = (queries / floodRequests) * 10_000;
      const floodCost = serverCost(f.runs);
      rows.push([
        scenario.label,
        int(f.rps),
        ratio(f.rps, h.rps),
        `${floodCost.cpuPerRequestUs.toFixed(1)} µs`,
        ratio(serverCost(h.runs).cpuPerRequestUs, floodCost.cpuPerRequestUs),
        percent(floodCost.busy),
        statuses,
        int(queries),
        per10k.toFixed(1),
      ]);
      outcomes.push({ scenario, queries, keyQueries, floodRequests, per10k });
    } finally {
      await server.stop();
    }
  }

  const byName = Object.fromEntries(outcomes.map((o) => [o.scenario.name, o]));
  const floodSeconds = seconds * rounds;
  const lines = [
    `Bad checksums: ${int(byName['bad-checksum'].queries + byName['bad-checksum-spread'].queries)} store queries in ${int(byName['bad-checksum'].floodRequests + byName['bad-checksum-spread'].floodRequests)} requests — ${byName['bad-checksum'].queries + byName['bad-checksum-spread'].queries === 0 ? 'meets the target (0)' : '**misses the target (0)**'}.`,
    `Unknown keys from one address: ${int(byName.unknown.keyQueries)} key lookups in ${int(byName.unknown.floodRequests)} requests over ~${floodSeconds} s — the throttle admits 30 a minute per address.`,
    `Unknown keys from ${int(SPREAD_ADDRESSES)} addresses: ${int(byName['unknown-spread'].keyQueries)} key lookups for ${int(SPREAD_KEYS)} distinct keys in ${int(byName['unknown-spread'].floodRequests)} requests over ~${floodSeconds} s — the negative cache (30 s) answers repeats of a digest without a query.`,
  ];
  return {
    title: '3. Floods of bad keys',
    console: lines,
    markdown: section(
      '3. Floods of bad keys',
      `Targets: no store query for a key with a bad checksum; a bounded number for well-formed unknown keys. Each flood runs on a fresh server (empty throttle and caches) against \`GET ${PATH}\`, in ${rounds} rounds of ${seconds} s alternating with \`/api/health\` on the same server (which makes no query, so every query counted is the flood's). Queries are counted inside the server by a Kysely plugin on the app's database handle. "Addresses" are sent as \`X-Forwarded-For\` to a server started with \`SOCIFYR_TRUST_PROXY=true\`, as behind a load balancer: the way one machine can look like many clients.`,
      table(
        [
          'flood',
          'req/s (median)',
          'vs health',
          'server CPU per request',
          'vs health',
          'server busy',
          'answers',
          'store queries',
          'per 10 000 requests',
        ],
        rows,
      ),
      lines.map((l) => `- ${l}`).join('\n'),
      'What happens: the first 30 failures a minute from one address answer `401`; after that, `429 Too many failed authentication attempts` — for bad checksums too, although they cost no query (they count against the address all the same). A key with a bad checksum never reaches the cache or the store. An unknown well-formed key is counted against its address *before* its lookup, so one address gets at most 30 lookups a minute however fast it sends. Spread over many addresses, the bound is the negative cache: one lookup per distinct unknown digest per 30 s.',
    ),
  };
}

/**
 * 6. An outside anchor: the same verification done by better-auth's API-key plugin and by a naive
 * "SHA-256 + SELECT + UPDATE per request" baseline, against ours. Measured in-process as verify() calls
 * per second for all three, awaited one after another in this process, each on its own SQLite file of
 * 1 000 keys: the three have no HTTP stack in common, so in-process calls compare the verification
 * itself and nothing else.
 */
import { createBetterAuth } from '../lib/anchors/better-auth.mjs';
import { createNaive } from '../lib/anchors/naive.mjs';
import { createOurs } from '../lib/anchors/ours.mjs';
import { section, table } from '../lib/markdown.mjs';
import { newKeySecret } from '../lib/seed.mjs';
import { int, median, ratio, usFromMs } from '../lib/stats.mjs';

const KEYS = 1000;

/** Awaits `verify` on `keys` in turn for `seconds`; every call must succeed. */
async function callsFor(anchor, keys, seconds) {
  const queriesBefore = anchor.queries();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let calls = 0;
  while (performance.now() < deadline) {
    // 64 calls between clock reads keeps the clock out of the measurement.
    for (let i = 0; i < 64; i++) {
      if (!(await anchor.verify(keys[calls % keys.length]))) throw new Error('a valid key was refused');
      calls += 1;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: calls / elapsed, queriesPer1000: ((anchor.queries() - queriesBefore) / calls) * 1000 };
}

/** In-process calls vary less than HTTP runs: rounds of at most 2 s are enough. */
const MAX_ROUND_SECONDS = 2;

export async function anchors({ rounds, seconds: requestedSeconds, folder, log }) {
  const seconds = Math.min(requestedSeconds, MAX_ROUND_SECONDS);
  const keySecret = newKeySecret();
  log('anchors: setting up ours, better-auth and the naive baseline…');
  const implementations = [
    {
      name: 'ours',
      label: 'ours: KeyService.verify + per-key rate limit',
      anchor: await createOurs({ dataDir: folder('anchor-ours'), keySecret, keyCount: KEYS }),
    },
    {
      name: 'ours-verify',
      label: 'ours: KeyService.verify alone',
      anchor: await createOurs({
        dataDir: folder('anchor-ours-verify'),
        keySecret,
        keyCount: KEYS,
        rateLimited: false,
      }),
    },
    {
      name: 'better-auth',
      label: 'better-auth 1.7.5 + @better-auth/api-key: auth.api.verifyApiKey',
      anchor: await createBetterAuth({ dataDir: folder('anchor-better-auth'), keySecret, keyCount: KEYS }),
    },
    {
      name: 'naive',
      label: 'naive: SHA-256 + SELECT + UPDATE last_used_at',
      anchor: await createNaive({ dataDir: folder('anchor-naive'), keyCount: KEYS }),
    },
  ];
  try {
    const workloads = [
      { name: 'busy', label: 'one busy key', keys: (a) => a.keys.slice(0, 1) },
      { name: 'rotating', label: `${KEYS - 1} keys in turn`, keys: (a) => a.keys.slice(1) },
    ];
    const variants = workloads.flatMap((w) => implementations.map((impl) => ({ impl, w })));
    log(`anchors: ${variants.length} variants × ${rounds} rounds × ${seconds} s`);
    for (const { impl, w } of variants) await callsFor(impl.anchor, w.keys(impl.anchor), 0.5); // warm-up
    const runs = new Map(variants.map((v) => [v, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order)
        runs.get(v).push(await callsFor(v.impl.anchor, v.w.keys(v.impl.anchor), seconds));
    }

    const rows = [];
    const lines = [];
    for (const w of workloads) {
      const of = (name) => {
        const list = runs.get(variants.find((v) => v.w === w && v.impl.name === name));
        return {
          perSecond: median(list.map((r) => r.perSecond)),
          queries: median(list.map((r) => r.queriesPer1000)),
        };
      };
      const ours = of('ours');
      for (const impl of implementations) {
        const r = of(impl.name);
        rows.push([
          w.label,
          impl.label,
          int(r.perSecond),
          usFromMs(1000 / r.perSecond),
          r.queries.toFixed(2),
          ratio(ours.perSecond, r.perSecond),
        ]);
      }
      lines.push(
        `${w.label}: ours ${int(ours.perSecond)}/s — ${ratio(ours.perSecond, of('better-auth').perSecond)} better-auth, ${ratio(ours.perSecond, of('naive').perSecond)} the naive baseline.`,
      );
    }
    return {
      title: '6. Outside anchor',
      console: lines,
      markdown: section(
        '6. Outside anchor: better-auth and a naive baseline',
        'How: verify() calls per second, in-process, awaited one after another (so no HTTP stack and no load generator in the way), each implementation on its own SQLite file of ' +
          `${int(KEYS)} keys with the same settings (WAL, synchronous NORMAL), alternating rounds of ${seconds} s, medians of ${rounds}. ` +
          'better-auth keeps its per-key rate limit on with a limit no run reaches, as ours; it stores keys as SHA-256 (its default hashing) and updates the key row on every call. ' +
          "Queries are counted at each one's database handle; ours writes `lastUsedAt` once a second for all keys in use, which shows as a small fraction.",
        table(
          [
            'workload',
            'implementation',
            'calls/s (median)',
            'per call',
            'queries per 1 000 calls',
            'ours ÷ this',
          ],
          rows,
        ),
        lines.map((l) => `- ${l}`).join('\n'),
      ),
    };
  } finally {
    for (const { anchor } of implementations) await anchor.close();
  }
}

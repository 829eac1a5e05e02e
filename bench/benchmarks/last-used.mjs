/**
 * 4. The write load of `lastUsedAt`: requests per second against database writes per second. Uses are
 * recorded in memory and flushed in one batched UPDATE per second, so a busy key costs at most one
 * row write per flush, however many requests it makes.
 */
import { compare } from '../lib/load.mjs';
import { section, table } from '../lib/markdown.mjs';
import { countsBetween } from '../lib/query-counter.mjs';
import { bearer, rotation } from '../lib/requests.mjs';
import { newKeySecret, seedDataDir } from '../lib/seed.mjs';
import { AUTH_ONLY_PATH, startServer } from '../lib/server-process.mjs';
import { int } from '../lib/stats.mjs';

/** The server's flush interval (LAST_USED_FLUSH_INTERVAL_MS). */
const FLUSH_INTERVAL_S = 1;
const UPDATE = 'update api_keys';
/** Waits out one flush interval and a little more. */
const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_S * 1000 + 200));

export async function lastUsed({ rounds, seconds, folder, log }) {
  const keySecret = newKeySecret();
  const dataDir = folder('last-used');
  const seeded = await seedDataDir({ dataDir, keySecret, keyCount: 1000 });
  const [busy, ...rest] = seeded.known.map((k) => k.plaintext);
  const server = await startServer({ dataDir, keySecret, name: 'last-used' });
  try {
    const variants = [
      {
        name: 'one',
        keys: 1,
        label: 'one busy key',
        url: `${server.origin}${AUTH_ONLY_PATH}`,
        headers: bearer(busy),
      },
      {
        name: 'many',
        keys: rest.length,
        label: `${rest.length} keys in turn`,
        url: `${server.origin}${AUTH_ONLY_PATH}`,
        perConnection: rotation(AUTH_ONLY_PATH, rest),
      },
    ];
    log(`lastUsedAt writes: ${variants.length} variants × ${rounds} rounds × ${seconds} s`);
    const results = await compare(variants, {
      rounds,
      seconds,
      // Each round starts after the previous round's last flush and includes its own last flush, so
      // every write counted was caused by the round it is counted in.
      observe: async () => {
        await settle();
        const before = await server.counts();
        const from = performance.now();
        return async () => {
          await settle();
          const counts = countsBetween(before, await server.counts());
          // The flush timer ticks once a second: this many ticks fell inside the counting window.
          const windowSeconds = (performance.now() - from) / 1000;
          return { counts, windowSeconds, flushes: Math.floor(windowSeconds / FLUSH_INTERVAL_S) };
        };
      },
    });
    const rows = [];
    const lines = [];
    for (const variant of variants) {
      const runs = results.get(variant.name).runs;
      const time = runs.reduce((t, r) => t + r.seconds, 0);
      // Writes per second over the counting windows (each round plus the flush after it).
      const windowTime = runs.reduce((t, r) => t + r.observed.windowSeconds, 0);
      const requests = runs.reduce((n, r) => n + r.completed, 0);
      const statements = runs.reduce((n, r) => n + (r.observed.counts.byQuery[UPDATE] ?? 0), 0);
      const rowsWritten = runs.reduce((n, r) => n + (r.observed.counts.updatedRows[UPDATE] ?? 0), 0);
      const other = runs.reduce(
        (n, r) => n + r.observed.counts.total - (r.observed.counts.byQuery[UPDATE] ?? 0),
        0,
      );
      // Per round: rows written ÷ keys ÷ flush ticks in its window; the worst round decides.
      const perKeyPerFlush = runs.map(
        (r) => (r.observed.counts.updatedRows[UPDATE] ?? 0) / variant.keys / r.observed.flushes,
      );
      const rowsPerKeyPerFlush = Math.max(...perKeyPerFlush);
      rows.push([
        variant.label,
        int(requests / time),
        (statements / windowTime).toFixed(2),
        (rowsWritten / windowTime).toFixed(1),
        rowsPerKeyPerFlush.toFixed(2),
        int(other),
      ]);
      lines.push(
        `${variant.label}: ${int(requests / time)} req/s caused ${(statements / windowTime).toFixed(2)} UPDATE statements/s writing ${(rowsWritten / windowTime).toFixed(1)} rows/s — ${rowsPerKeyPerFlush.toFixed(2)} writes per key per flush (worst round; one flush per ${FLUSH_INTERVAL_S} s): ${rowsPerKeyPerFlush <= 1 ? 'meets the target (≤ 1)' : '**misses the target (≤ 1)**'}.`,
      );
    }
    return {
      title: '4. lastUsedAt write load',
      console: lines,
      markdown: section(
        '4. `lastUsedAt` write load',
        `Target: at most one write per key per flush interval (${FLUSH_INTERVAL_S} s), however many requests the key makes. Requests to \`${AUTH_ONLY_PATH}\` (authentication only), ${rounds} rounds of ${seconds} s per row; UPDATE statements and the rows they changed are counted inside the server (Kysely plugin) from just before each round to just after the flush that follows it, so every write counted is one the round caused; "writes per key per flush" divides the rows written by the keys in use and by the flush-timer ticks in that window (worst round shown).`,
        table(
          [
            'keys in use',
            'req/s',
            'UPDATE statements/s',
            'rows written/s',
            'writes per key per flush (worst round)',
            'other queries',
          ],
          rows,
        ),
        lines.map((l) => `- ${l}`).join('\n'),
        '"Other queries" are the rest of what the server sent meanwhile: none, since verified keys and roles come from the cache.',
      ),
    };
  } finally {
    await server.stop();
  }
}

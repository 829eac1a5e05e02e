/**
 * The load generator: autocannon, run from the bench's process while the server under test runs in
 * its own. Variants are measured side by side in alternating rounds (A B, then B A, …) after a short
 * warm-up each, and reported as medians, so drift on a shared machine hits every variant alike.
 */
import autocannon from 'autocannon';
import { median } from './stats.mjs';

/** Connections kept open by the load generator: 32, the figure the targets are stated at. */
export const CONNECTIONS = 32;

/**
 * @typedef {object} Variant
 * @property {string} name     row label
 * @property {string} url      full URL of the first request
 * @property {Record<string,string>} [headers]
 * @property {(connection: number, connections: number) => object[]} [perConnection]  requests each
 *   connection cycles through (see requests.mjs `rotation`); default: the url with `headers`
 * @property {boolean} [allowNon2xx]  floods answer 401/429 on purpose; anything else must answer 2xx
 */

/** One autocannon run of `seconds`; resolves with its throughput, latencies and statuses. */
export async function loadOnce(variant, seconds, connections = CONNECTIONS) {
  let connection = 0;
  const result = await autocannon({
    url: variant.url,
    headers: variant.headers,
    connections,
    duration: seconds,
    setupClient: variant.perConnection
      ? (client) => client.setRequests(variant.perConnection(connection++ % connections, connections))
      : undefined,
  });
  const statuses = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (result.errors > 0 || completed === 0) {
    throw new Error(`${variant.name}: ${result.errors} connection errors, ${completed} responses`);
  }
  if (!variant.allowNon2xx && result.non2xx > 0) {
    throw new Error(
      `${variant.name}: ${result.non2xx} of ${completed} responses were not 2xx (${JSON.stringify(statuses)}); the measurement would be of errors`,
    );
  }
  return {
    rps: completed / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed,
    statuses,
    seconds: result.duration,
  };
}

/**
 * Measures every variant `rounds` times, alternating their order each round, after a warm-up of each.
 * @param {Variant[]} variants
 * `observe(variant)` is called before each counted run; the function it returns receives the run when it
 * ends, and whatever that returns is kept with the run as `observed` (e.g. queries counted meanwhile).
 * @param {Variant[]} variants
 * @param {{ rounds: number, seconds: number, warmupSeconds?: number, connections?: number,
 *   observe?: (variant: Variant) => Promise<(run: object) => Promise<unknown>> }} options
 * @returns {Promise<Map<string, { rps: number, p50: number, p99: number, runs: object[], statuses: object }>>}
 */
export async function compare(
  variants,
  { rounds, seconds, warmupSeconds = 1, connections = CONNECTIONS, observe },
) {
  if (warmupSeconds > 0) for (const variant of variants) await loadOnce(variant, warmupSeconds, connections);
  const runs = new Map(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const finish = observe ? await observe(variant) : undefined;
      const run = await loadOnce(variant, seconds, connections);
      if (finish) run.observed = await finish(run);
      runs.get(variant.name).push(run);
    }
  }
  const summary = new Map();
  for (const [name, list] of runs) {
    const statuses = {};
    for (const run of list)
      for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    summary.set(name, {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      runs: list,
      statuses,
    });
  }
  return summary;
}

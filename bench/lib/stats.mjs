/** Small numeric functions for reporting: medians of rounds, ratios, and number formatting. */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `a / b` rounded to two decimals, as text such as `0.93×`. */
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** Whole numbers with thin grouping: 12345 → "12 345". */
export function int(value) {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A latency from autocannon (whole milliseconds), as text; 0 means under a millisecond. */
export const ms = (value) => (value < 1 ? '< 1 ms' : `${Number(value.toFixed(1))} ms`);

/** Microseconds with one decimal from nanoseconds or a per-operation time in ms. */
export const usFromMs = (value) => `${(value * 1000).toFixed(1)} µs`;

/** "pass" or "FAIL" against a target, with the target spelled out. */
export const verdict = (passed) => (passed ? 'meets the target' : '**misses the target**');

/**
 * From runs observed with `observeServer`: the server's CPU time per request (µs) and how busy it was
 * (CPU time ÷ wall time; near 100 % means the server, not the load generator, set the pace).
 */
export function serverCost(runs) {
  return {
    cpuPerRequestUs: median(runs.map((r) => r.observed.cpuMicros / r.completed)),
    busy: median(runs.map((r) => r.observed.cpuMicros / (r.seconds * 1e6))),
  };
}

/** A share as a whole percentage: 0.934 → "93 %". */
export const percent = (share) => `${Math.round(share * 100)} %`;

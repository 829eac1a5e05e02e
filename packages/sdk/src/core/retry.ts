/** When a failed attempt is tried again, and how long to wait before it. */

/** Wait before the first retry; each further retry doubles it. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** The doubling stops here. */
export const MAX_RETRY_DELAY_MS = 8_000;
/** Up to this fraction of the delay is added at random, so clients that failed together do not retry together. */
export const RETRY_JITTER_RATIO = 0.25;
/** A `Retry-After` longer than this is not waited for: the error is returned at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether an HTTP status is worth another attempt: 429 (rate limited; the request was not processed)
 * and 5xx (the server or a proxy failed). Other statuses are the caller's to fix.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The exponential backoff before retry number `retry` (0 for the first retry):
 * 500 ms, 1 s, 2 s, 4 s, then 8 s, each plus up to 25 % random jitter.
 *
 * @param random a source of numbers in [0, 1); tests pass a fixed one
 * @example backoffDelayMs(1, () => 0) // 1000
 */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** retry);
  return Math.round(base * (1 + RETRY_JITTER_RATIO * random()));
}

/**
 * The wait a `Retry-After` header asks for, in ms: whole seconds (`"2"`) or an HTTP date. A date in the
 * past means 0; a missing or unreadable header means undefined (use the backoff instead).
 *
 * @param nowMs the current time in ms since the epoch (for dates)
 * @example parseRetryAfterMs('2', Date.now()) // 2000
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  // Only a real HTTP date: Date.parse also accepts bare numbers like "-1" or "12".
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * How long to wait before retry number `retry` after an answer with `retryAfterMs` (from
 * {@link parseRetryAfterMs}): the server's wish when it gave one, else the backoff. Undefined when the
 * server asks for longer than {@link MAX_RETRY_AFTER_MS}: waiting inside one call that long helps nobody.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs === undefined) return backoffDelayMs(retry, random);
  return retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : retryAfterMs;
}

/**
 * Throttles for failed attempts (bad keys, bad cookies, wrong passwords). An attempt that would cost work
 * is counted *before* the work, atomically, so parallel requests cannot all slip under the limit; an
 * attempt that turns out fine is refunded.
 */
import { AppError } from '../http/errors.js';
import type { RateLimitStore, WindowLimit } from './rate-limiter.js';

/** `Retry-After` in whole seconds, at least 1. */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** A 429 in the envelope with `Retry-After`; `message` receives the whole seconds to wait. */
export function tooManyRequests(waitMs: number, message: (seconds: number) => string): AppError {
  const seconds = retryAfterSeconds(waitMs);
  return new AppError('rate_limited', message(seconds), { headers: { 'retry-after': String(seconds) } });
}

export class AttemptThrottle {
  constructor(
    private readonly store: RateLimitStore,
    private readonly limits: readonly WindowLimit[],
  ) {}

  /** Counts an attempt for `subject` if the limit allows; returns how long to wait (0 when admitted and counted). */
  async admit(subject: string): Promise<number> {
    const decision = await this.store.consume(subject, this.limits);
    return decision.allowed ? 0 : decision.resetMs;
  }

  /** Takes back an admitted attempt that succeeded. */
  refund(subject: string): Promise<void> {
    return this.store.release(subject);
  }

  /** Forgets every counted attempt of `subject` (e.g. after a successful sign-in). */
  clear(subject: string): Promise<void> {
    return this.store.reset(subject);
  }
}

/** The counter of failed authentications of one client address, shared by keys, sessions and sign-in. */
export const failedAuthSubject = (ip: string): string => `auth-fail:${ip}`;

export const tooManyFailures = (waitMs: number): AppError =>
  tooManyRequests(
    waitMs,
    (s) => `Too many failed authentication attempts from your address; try again in ${s} s`,
  );

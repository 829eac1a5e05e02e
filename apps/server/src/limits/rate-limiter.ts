/**
 * Rate limits behind one interface, so the memory store (one server) and a shared store (many servers)
 * are interchangeable. Three uses: requests per API key, failed authentications per client IP, and
 * failed sign-ins per IP + email.
 */
import { type Clock, systemClock } from '../clock.js';
import { EventLog, type WindowDecision, type WindowLimit } from './sliding-window.js';

export type { WindowDecision, WindowLimit };

export interface RateLimitStore {
  /** Counts one event for `subject` if all limits allow it. */
  consume(subject: string, limits: readonly WindowLimit[]): Promise<WindowDecision>;
  /** Takes back the subject's most recent event: an attempt counted in advance that turned out fine. */
  release(subject: string): Promise<void>;
  /** Forgets a subject (e.g. after a successful sign-in). */
  reset(subject: string): Promise<void>;
  close(): Promise<void>;
}

/** Idle subjects are swept this often so memory follows the active set. */
const SWEEP_INTERVAL_MS = 60_000;

/** Rate limits held in this process: exact sliding windows, swept of idle subjects once a minute. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly logs = new Map<string, { log: EventLog; limits: readonly WindowLimit[] }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: Clock = systemClock) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async consume(subject: string, limits: readonly WindowLimit[]): Promise<WindowDecision> {
    return this.logFor(subject, limits).tryAdd(this.clock.now(), limits);
  }

  async release(subject: string): Promise<void> {
    this.logs.get(subject)?.log.removeLast();
  }

  async reset(subject: string): Promise<void> {
    this.logs.delete(subject);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.logs.clear();
  }

  private logFor(subject: string, limits: readonly WindowLimit[]): EventLog {
    let entry = this.logs.get(subject);
    if (!entry) {
      entry = { log: new EventLog(), limits };
      this.logs.set(subject, entry);
    }
    return entry.log;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [subject, { log, limits }] of this.logs)
      if (log.isIdle(now, limits)) this.logs.delete(subject);
  }
}

/** Requests per API key allowed in any second and in any minute. */
export interface KeyRateLimit {
  perSecond: number;
  perMinute: number;
}

/** Limits in force, from configuration. */
export interface RateLimitPolicy {
  /** Per key, for workspaces whose tier has no limits of its own. */
  perKey: WindowLimit[];
  /** Per key, by workspace tier (e.g. "pro"). */
  perKeyByTier: Record<string, WindowLimit[]>;
  failedAuthPerIp: WindowLimit[];
  failedSignInPerIpEmail: WindowLimit[];
}

/** The per-key windows for a workspace of `tier`. */
export const keyLimitsFor = (policy: RateLimitPolicy, tier: string): WindowLimit[] =>
  policy.perKeyByTier[tier] ?? policy.perKey;

export const FAILED_AUTH_PER_IP_PER_MINUTE = 30;
export const FAILED_SIGN_IN_PER_15_MINUTES = 10;

const keyWindows = ({ perSecond, perMinute }: KeyRateLimit): WindowLimit[] => [
  { max: perSecond, windowMs: 1000 },
  { max: perMinute, windowMs: 60_000 },
];

export function rateLimitPolicy(
  perSecond: number,
  perMinute: number,
  tiers: Record<string, KeyRateLimit> = {},
): RateLimitPolicy {
  return {
    perKey: keyWindows({ perSecond, perMinute }),
    perKeyByTier: Object.fromEntries(Object.entries(tiers).map(([tier, limit]) => [tier, keyWindows(limit)])),
    failedAuthPerIp: [{ max: FAILED_AUTH_PER_IP_PER_MINUTE, windowMs: 60_000 }],
    failedSignInPerIpEmail: [{ max: FAILED_SIGN_IN_PER_15_MINUTES, windowMs: 15 * 60_000 }],
  };
}

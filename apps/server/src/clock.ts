/** Time source, injected so tests can move time (rate limits, expiries) without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/**
 * Exact sliding-window counting: "at most N in any window of W ms". Each subject keeps the times of
 * its recent counted events (never more than the largest limit), oldest first.
 */

export interface WindowLimit {
  /** Most events allowed in any window. */
  max: number;
  windowMs: number;
}

export interface WindowDecision {
  allowed: boolean;
  /** Limit of the window that decided (the one denying, else the one with fewest left). */
  limit: number;
  /** Length of that window. */
  windowMs: number;
  /** Events left in that window after this one. */
  remaining: number;
  /** Milliseconds until that window frees a slot: when denied, how long to wait before retrying. */
  resetMs: number;
}

export class EventLog {
  private readonly times: number[] = [];

  /** Counts an event at `nowMs` if every limit allows it; a refused event is not counted. */
  tryAdd(nowMs: number, limits: readonly WindowLimit[]): WindowDecision {
    this.trim(nowMs, limits);
    const decision = this.decide(nowMs, limits);
    if (decision.allowed) this.push(nowMs, limits);
    return decision;
  }

  /** Takes back the most recent event (a refund, when an attempt counted in advance succeeded). */
  removeLast(): void {
    this.times.pop();
  }

  /** True when nothing is left in any window, so the log can be forgotten. */
  isIdle(nowMs: number, limits: readonly WindowLimit[]): boolean {
    this.trim(nowMs, limits);
    return this.times.length === 0;
  }

  private push(nowMs: number, limits: readonly WindowLimit[]): void {
    this.times.push(nowMs);
    const keep = Math.max(...limits.map((l) => l.max));
    if (this.times.length > keep) this.times.splice(0, this.times.length - keep);
  }

  private trim(nowMs: number, limits: readonly WindowLimit[]): void {
    const longest = Math.max(...limits.map((l) => l.windowMs));
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] as number) <= nowMs - longest) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }

  private decide(nowMs: number, limits: readonly WindowLimit[]): WindowDecision {
    const n = this.times.length;
    const counts = limits.map(({ max, windowMs }) => {
      const inWindow = this.countAfter(nowMs - windowMs);
      return {
        inWindow,
        oldestInWindowMs: inWindow > 0 ? this.times[n - inWindow] : undefined,
        blockerMs: inWindow >= max ? this.times[n - max] : undefined,
      };
    });
    return decideWindows(nowMs, limits, counts);
  }

  private countAfter(startExclusive: number): number {
    let count = 0;
    for (let i = this.times.length - 1; i >= 0 && (this.times[i] as number) > startExclusive; i--) count++;
    return count;
  }
}

/** What deciding one window needs to know of a subject's events; any store can count these. */
export interface WindowCounts {
  /** Events in the window (later than now − windowMs). */
  inWindow: number;
  /** Time of the oldest of them. */
  oldestInWindowMs: number | undefined;
  /** When the window is full: time of the max-th most recent event, which must leave for one more to fit. */
  blockerMs: number | undefined;
}

/**
 * The decision for one more event given each window's counts: denied if any window is full (the one
 * freeing up last decides the wait), else allowed, reporting the window with the fewest events left.
 */
export function decideWindows(
  nowMs: number,
  limits: readonly WindowLimit[],
  counts: readonly WindowCounts[],
): WindowDecision {
  const decisions = limits.map(({ max, windowMs }, i): WindowDecision => {
    const { inWindow, oldestInWindowMs, blockerMs } = counts[i]!;
    if (inWindow < max) {
      return {
        allowed: true,
        limit: max,
        windowMs,
        remaining: max - inWindow - 1,
        resetMs: (oldestInWindowMs ?? nowMs) + windowMs - nowMs,
      };
    }
    return {
      allowed: false,
      limit: max,
      windowMs,
      remaining: 0,
      resetMs: Math.max(1, (blockerMs ?? nowMs) + windowMs - nowMs),
    };
  });
  const denied = decisions.filter((d) => !d.allowed);
  if (denied.length > 0) return denied.reduce((a, b) => (b.resetMs > a.resetMs ? b : a));
  return decisions.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

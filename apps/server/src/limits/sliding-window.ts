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

/**
 * One subject's recent events, as the distinct milliseconds they fell in with a running total, oldest
 * first. Windows are whole milliseconds, so grouping events by millisecond loses nothing, and a busy
 * subject costs at most one entry per millisecond of the longest window however fast it goes. Counting a
 * window and finding its oldest event are binary searches; dropping old events moves a start index.
 */
export class EventLog {
  /** Distinct event times, increasing; entries before `start` are dropped and compacted away now and then. */
  private times: number[] = [];
  /** Running total of events up to and including each entry (counted from the log's creation). */
  private totals: number[] = [];
  /** The running total before entry 0 (events compacted away). */
  private base = 0;
  private start = 0;

  /** Counts an event at `nowMs` if every limit allows it; a refused event is not counted. */
  tryAdd(nowMs: number, limits: readonly WindowLimit[]): WindowDecision {
    this.trim(nowMs, limits);
    const decision = this.decide(nowMs, limits);
    if (decision.allowed) this.push(nowMs);
    return decision;
  }

  /** Takes back the most recent event (a refund, when an attempt counted in advance succeeded). */
  removeLast(): void {
    const last = this.times.length - 1;
    if (last < this.start) return;
    this.totals[last]! -= 1;
    if (this.totals[last] === this.totalBefore(last)) {
      this.times.pop();
      this.totals.pop();
    }
  }

  /** True when nothing is left in any window, so the log can be forgotten. */
  isIdle(nowMs: number, limits: readonly WindowLimit[]): boolean {
    this.trim(nowMs, limits);
    return this.start === this.times.length;
  }

  private push(nowMs: number): void {
    const last = this.times.length - 1;
    if (last >= this.start && this.times[last] === nowMs) {
      this.totals[last]! += 1;
      return;
    }
    const total = this.total();
    this.times.push(nowMs);
    this.totals.push(total + 1);
  }

  private trim(nowMs: number, limits: readonly WindowLimit[]): void {
    const longest = Math.max(...limits.map((l) => l.windowMs));
    this.start = this.firstAfter(nowMs - longest);
    // Compact once the dropped head is the larger part, so each entry is copied at most a few times.
    if (this.start > 64 && this.start * 2 > this.times.length) {
      this.base = this.totals[this.start - 1]!;
      this.times = this.times.slice(this.start);
      this.totals = this.totals.slice(this.start);
      this.start = 0;
    }
  }

  private decide(nowMs: number, limits: readonly WindowLimit[]): WindowDecision {
    const counts = limits.map(({ max, windowMs }) => {
      const first = this.firstAfter(nowMs - windowMs);
      const inWindow = this.total() - this.totalBefore(first);
      return {
        inWindow,
        oldestInWindowMs: inWindow > 0 ? this.times[first] : undefined,
        blockerMs: inWindow >= max ? this.nthNewest(max) : undefined,
      };
    });
    return decideWindows(nowMs, limits, counts);
  }

  /** Events counted in the live entries and before. */
  private total(): number {
    const last = this.times.length - 1;
    return last >= this.start ? this.totals[last]! : this.totalBefore(this.start);
  }

  /** The running total just before entry `i`. */
  private totalBefore(i: number): number {
    return i > 0 ? this.totals[i - 1]! : this.base;
  }

  /** Index of the first live entry later than `timeMs` (the end when none is). */
  private firstAfter(timeMs: number): number {
    let low = this.start;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! > timeMs) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Time of the n-th most recent event (n ≥ 1, and at most the events in the log). */
  private nthNewest(n: number): number {
    const olderThanIt = this.total() - n;
    let low = this.start;
    let high = this.times.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.totals[mid]! > olderThanIt) high = mid;
      else low = mid + 1;
    }
    return this.times[low]!;
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

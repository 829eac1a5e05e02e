import { describe, expect, it } from 'vitest';
import { decideWindows, EventLog, type WindowLimit } from './sliding-window.js';

const PER_KEY: WindowLimit[] = [
  { max: 10, windowMs: 1000 },
  { max: 60, windowMs: 60_000 },
];

describe('EventLog', () => {
  it('allows 10 in a second, refuses the 11th, and counts down remaining', () => {
    const log = new EventLog();
    const remaining: number[] = [];
    for (let i = 0; i < 10; i++) {
      const d = log.tryAdd(1000 + i, PER_KEY);
      expect(d.allowed).toBe(true);
      remaining.push(d.remaining);
    }
    expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const refused = log.tryAdd(1010, PER_KEY);
    expect(refused).toMatchObject({ allowed: false, limit: 10, remaining: 0, windowMs: 1000 });
    // The first event (t=1000) leaves the one-second window at t=2000.
    expect(refused.resetMs).toBe(990);
  });

  it('is a sliding window: a slot frees exactly when the oldest event is a window old', () => {
    const log = new EventLog();
    for (let i = 0; i < 10; i++) log.tryAdd(i * 100, PER_KEY);
    expect(log.tryAdd(999, PER_KEY).allowed).toBe(false);
    expect(log.tryAdd(1000, PER_KEY).allowed).toBe(true);
    expect(log.tryAdd(1001, PER_KEY).allowed).toBe(false);
    expect(log.tryAdd(1100, PER_KEY).allowed).toBe(true);
  });

  it('does not count refused events, so hammering does not extend the wait', () => {
    const log = new EventLog();
    for (let i = 0; i < 10; i++) log.tryAdd(0, PER_KEY);
    for (let t = 1; t < 1000; t += 10) expect(log.tryAdd(t, PER_KEY).allowed).toBe(false);
    expect(log.tryAdd(1000, PER_KEY).allowed).toBe(true);
  });

  it('applies the minute limit across seconds and reports the longer wait', () => {
    const log = new EventLog();
    for (let i = 0; i < 60; i++) expect(log.tryAdd(i * 500, PER_KEY).allowed).toBe(true);
    const refused = log.tryAdd(30_000, PER_KEY);
    expect(refused).toMatchObject({ allowed: false, limit: 60, windowMs: 60_000 });
    expect(refused.resetMs).toBe(30_000);
    expect(log.tryAdd(60_000, PER_KEY).allowed).toBe(true);
  });

  it('reports the tightest window while allowed', () => {
    const log = new EventLog();
    for (let i = 0; i < 55; i++) log.tryAdd(i * 200, PER_KEY);
    const d = log.tryAdd(11_000, PER_KEY);
    expect(d).toMatchObject({ allowed: true, limit: 60, remaining: 4 });
  });

  it('takes back the latest event, and is idle once nothing is left in any window', () => {
    const limits = [{ max: 3, windowMs: 60_000 }];
    const log = new EventLog();
    for (let i = 0; i < 3; i++) log.tryAdd(i, limits);
    expect(log.tryAdd(3, limits).allowed).toBe(false);
    log.removeLast();
    expect(log.tryAdd(4, limits).allowed).toBe(true);
    expect(log.isIdle(60_003, limits)).toBe(false);
    expect(log.isIdle(60_004, limits)).toBe(true);
  });
});

/** The plainest possible log: every event's time in a list, each window counted by a scan. */
class ReferenceLog {
  private readonly times: number[] = [];

  tryAdd(nowMs: number, limits: readonly WindowLimit[]) {
    const counts = limits.map(({ max, windowMs }) => {
      const inWindow = this.times.filter((t) => t > nowMs - windowMs);
      const newestFirst = [...this.times].reverse();
      return {
        inWindow: inWindow.length,
        oldestInWindowMs: inWindow[0],
        blockerMs: inWindow.length >= max ? newestFirst[max - 1] : undefined,
      };
    });
    const decision = decideWindows(nowMs, limits, counts);
    if (decision.allowed) this.times.push(nowMs);
    return decision;
  }

  removeLast() {
    this.times.pop();
  }
}

describe('EventLog against a plain list of every event', () => {
  it.each([
    ['the default per-key limits', PER_KEY, 40],
    ['a raised limit with many events per millisecond', [{ max: 5000, windowMs: 2000 }], 3],
    [
      'three windows',
      [
        { max: 3, windowMs: 50 },
        { max: 20, windowMs: 1000 },
        { max: 90, windowMs: 10_000 },
      ],
      30,
    ],
  ] as [string, WindowLimit[], number][])('decides as the list does: %s', (_, limits, meanGapMs) => {
    const log = new EventLog();
    const reference = new ReferenceLog();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let now = 0;
    for (let step = 0; step < 5000; step++) {
      now += Math.floor(random() * meanGapMs * 2);
      if (random() < 0.05) {
        log.removeLast();
        reference.removeLast();
      } else {
        expect(log.tryAdd(now, limits), `step ${step}`).toEqual(reference.tryAdd(now, limits));
      }
    }
  });
});

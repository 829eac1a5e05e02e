/**
 * The Redis store decides exactly as the memory store does (under `npm run test:scale`), and falls back
 * to counting in memory, saying so once, while Redis cannot be reached.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../test/harness.js';
import { ON_REDIS, openTestRedis, type TestRedis } from '../test/test-stores.js';
import { MemoryRateLimitStore, type WindowLimit } from './rate-limiter.js';
import { RedisRateLimitStore } from './redis-rate-limit-store.js';

const LIMITS: WindowLimit[] = [
  { max: 3, windowMs: 1000 },
  { max: 5, windowMs: 10_000 },
];

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: unknown) => lines.push(String(m)),
      warn: (...a: unknown[]) => lines.push(String(a.at(-1))),
    },
  };
}

let redis: TestRedis | undefined;
afterEach(async () => {
  await redis?.close();
  redis = undefined;
});

describe.skipIf(!ON_REDIS)('RedisRateLimitStore', () => {
  it('gives the memory store’s decisions over a long random sequence of events, refunds and resets', async () => {
    redis = await openTestRedis();
    const clock = new FakeClock();
    const { logger } = recordingLogger();
    const shared = new RedisRateLimitStore({ redis: redis!.redis, clock, logger, prefix: redis!.prefix });
    const memory = new MemoryRateLimitStore(clock);
    // A fixed pseudo-random walk, so a failure can be replayed.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let step = 0; step < 400; step++) {
      clock.advance(Math.floor(next() * 700));
      const subject = next() < 0.8 ? 'a' : 'b';
      const action = next();
      if (action < 0.85) {
        expect(await shared.consume(subject, LIMITS), `step ${step}`).toEqual(
          await memory.consume(subject, LIMITS),
        );
      } else if (action < 0.97) {
        await shared.release(subject);
        await memory.release(subject);
      } else {
        await shared.reset(subject);
        await memory.reset(subject);
      }
    }
    await shared.close();
    await memory.close();
  });

  it('counts one subject across two stores (two servers) as one', async () => {
    redis = await openTestRedis();
    const clock = new FakeClock();
    const { logger } = recordingLogger();
    const one = new RedisRateLimitStore({ redis: redis!.redis, clock, logger, prefix: redis!.prefix });
    const other = new RedisRateLimitStore({ redis: redis!.redis, clock, logger, prefix: redis!.prefix });
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push((await (i % 2 ? one : other).consume('k', LIMITS)).allowed);
    expect(decisions).toEqual([true, true, true, false, false, false]);
  });
});

describe('RedisRateLimitStore without Redis', () => {
  it('counts in memory, and says so once', async () => {
    // Nothing listens on port 1; no offline queue, so every command fails at once.
    const unreachable = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    unreachable.on('error', () => {});
    const { lines, logger } = recordingLogger();
    const store = new RedisRateLimitStore({ redis: unreachable, clock: new FakeClock(), logger });
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push((await store.consume('k', LIMITS)).allowed);
    expect(allowed).toEqual([true, true, true, false, false]);
    expect(lines.filter((l) => l.includes('Redis unavailable for rate limits'))).toHaveLength(1);
    await store.close();
    unreachable.disconnect();
  });
});

/**
 * Rate limits shared by every server: the same exact sliding windows as the memory store, kept in Redis
 * as one sorted set of event times per subject and decided atomically by one Lua script, so "10 in any
 * second" holds for a key across all servers together.
 *
 * While Redis cannot be reached, each server counts in its own memory instead (limits then hold per
 * server) and says so in the log, once when it happens and once when Redis is back.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import {
  MemoryRateLimitStore,
  type RateLimitStore,
  type WindowDecision,
  type WindowLimit,
} from './rate-limiter.js';
import { decideWindows, type WindowCounts } from './sliding-window.js';

/**
 * KEYS[1]: the subject's sorted set. ARGV: now, a unique member, the longest window, how many events to
 * keep, then max and windowMs of each limit. Drops events older than the longest window, counts each
 * window, and adds the event only if every window has room. Returns, per limit: the count in the window,
 * the time of its oldest event, and (when full) the time of the event that must leave first.
 */
const CONSUME_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local longest = tonumber(ARGV[3])
local keep = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
local out = {}
local allowed = true
local i = 5
while ARGV[i] do
  local max = tonumber(ARGV[i])
  local windowMs = tonumber(ARGV[i + 1])
  local inWindow = redis.call('ZCOUNT', key, '(' .. (now - windowMs), '+inf')
  local oldest = ''
  if inWindow > 0 then oldest = redis.call('ZREVRANGE', key, inWindow - 1, inWindow - 1, 'WITHSCORES')[2] end
  local blocker = ''
  if inWindow >= max then
    allowed = false
    blocker = redis.call('ZREVRANGE', key, max - 1, max - 1, 'WITHSCORES')[2]
  end
  table.insert(out, inWindow)
  table.insert(out, oldest)
  table.insert(out, blocker)
  i = i + 2
end
if allowed then
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('ZREMRANGEBYRANK', key, 0, -(keep + 1))
  redis.call('PEXPIRE', key, longest)
end
return out
`;

type ConsumeReply = (number | string)[];

declare module 'ioredis' {
  interface RedisCommander {
    socifyrConsume(key: string, ...args: (string | number)[]): Promise<ConsumeReply>;
  }
}

export interface RedisRateLimitStoreOptions {
  redis: Redis;
  clock: Clock;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  /** Prefix of every Redis key this store writes. Default `socifyr:rl:`. */
  prefix?: string;
}

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly clock: Clock;
  private readonly logger: RedisRateLimitStoreOptions['logger'];
  private readonly prefix: string;
  private readonly fallback: MemoryRateLimitStore;
  private readonly serverId = randomBytes(6).toString('hex');
  private counter = 0;
  private usingFallback = false;

  constructor({ redis, clock, logger, prefix = 'socifyr:rl:' }: RedisRateLimitStoreOptions) {
    this.redis = redis;
    this.clock = clock;
    this.logger = logger;
    this.prefix = prefix;
    this.fallback = new MemoryRateLimitStore(clock);
    redis.defineCommand('socifyrConsume', { numberOfKeys: 1, lua: CONSUME_SCRIPT });
  }

  async consume(subject: string, limits: readonly WindowLimit[]): Promise<WindowDecision> {
    const now = this.clock.now();
    const args: (string | number)[] = [
      now,
      `${now}:${this.serverId}:${++this.counter}`,
      Math.max(...limits.map((l) => l.windowMs)),
      Math.max(...limits.map((l) => l.max)),
    ];
    for (const { max, windowMs } of limits) args.push(max, windowMs);
    let reply: ConsumeReply;
    try {
      reply = await this.redis.socifyrConsume(this.prefix + subject, ...args);
    } catch (error) {
      this.switchToFallback(error as Error);
      return this.fallback.consume(subject, limits);
    }
    this.backFromFallback();
    return decideWindows(now, limits, countsOf(reply));
  }

  async release(subject: string): Promise<void> {
    await this.fallback.release(subject);
    await this.redis.zpopmax(this.prefix + subject).catch(() => undefined);
  }

  async reset(subject: string): Promise<void> {
    await this.fallback.reset(subject);
    await this.redis.del(this.prefix + subject).catch(() => undefined);
  }

  /** Closes the memory fallback; the Redis connection belongs to whoever opened it. */
  async close(): Promise<void> {
    await this.fallback.close();
  }

  private switchToFallback(error: Error): void {
    if (this.usingFallback) return;
    this.usingFallback = true;
    this.logger.warn(
      { reason: error.message },
      'Redis unavailable for rate limits: counting per server until it is back (limits hold per server, not in total)',
    );
  }

  private backFromFallback(): void {
    if (!this.usingFallback) return;
    this.usingFallback = false;
    this.logger.info('Redis is back: rate limits are shared by every server again');
  }
}

function countsOf(reply: ConsumeReply): WindowCounts[] {
  const time = (value: number | string | undefined) =>
    value === '' || value === undefined ? undefined : Number(value);
  const counts: WindowCounts[] = [];
  for (let i = 0; i < reply.length; i += 3) {
    counts.push({
      inWindow: Number(reply[i]),
      oldestInWindowMs: time(reply[i + 1]),
      blockerMs: time(reply[i + 2]),
    });
  }
  return counts;
}

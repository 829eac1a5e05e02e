/**
 * The Redis bus between two "servers" (under `npm run test:scale`), and the in-process bus's account of
 * whether it hears every server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ON_REDIS, openTestRedis, type TestRedis } from '../test/test-stores.js';
import { InProcessBus, type Invalidation } from './bus.js';
import { RedisBus } from './redis-bus.js';

const quiet = { info: () => {}, warn: () => {} };
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function twoServers(): Promise<[RedisBus, Invalidation[], RedisBus, Invalidation[]]> {
  const redis = (await openTestRedis()) as TestRedis;
  opened.push(redis);
  const channel = `${redis.prefix}invalidations`;
  const make = () => {
    const bus = new RedisBus({ redis: redis.redis, logger: quiet, channel });
    const seen: Invalidation[] = [];
    bus.subscribe((event) => seen.push(event));
    opened.push(bus);
    return [bus, seen] as const;
  };
  const [a, seenByA] = make();
  const [b, seenByB] = make();
  await Promise.all([a.subscribedOnce, b.subscribedOnce]);
  return [a, seenByA, b, seenByB];
}

describe.skipIf(!ON_REDIS)('RedisBus', () => {
  it('starts with a resync: what was cached before it listened may have missed an invalidation', async () => {
    const [a, seenByA] = await twoServers();
    expect(a.connected).toBe(true);
    expect(seenByA).toEqual([{ type: 'everything' }]);
  });

  it('applies an event to the publisher at once and to the other server when it arrives, once each', async () => {
    const [a, seenByA, , seenByB] = await twoServers();
    seenByA.length = 0;
    seenByB.length = 0;
    const event: Invalidation = { type: 'key-deleted', keyId: 'key_1' };
    const published = a.publish(event);
    expect(seenByA).toEqual([event]); // before anything went over the network
    await published;
    await expect.poll(() => seenByB).toEqual([event]);
    expect(seenByA).toEqual([event]);
  });
});

describe('InProcessBus', () => {
  it('hears every server unless others share the database without a bus', () => {
    expect(new InProcessBus().connected).toBe(true);
    expect(new InProcessBus({ othersShareTheDatabase: true }).connected).toBe(false);
  });
});

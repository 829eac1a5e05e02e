/**
 * Our verification in-process, as the request hook composes it (apps/server/src/auth/authenticate.ts):
 * `KeyService.verify` (checksum, HMAC, cache, role), then the per-key rate limit, with the limits raised
 * as in the HTTP benchmarks. `rateLimited: false` measures verify() alone.
 */
import { keyLimitsFor, MemoryRateLimitStore, openKeySystem, rateLimitPolicy } from '../in-process-keys.mjs';
import { QueryCounter } from '../query-counter.mjs';
import { seedDataDir } from '../seed.mjs';

export async function createOurs({ dataDir, keySecret, keyCount, rateLimited = true }) {
  const seeded = await seedDataDir({ dataDir, keySecret, keyCount });
  const counter = new QueryCounter();
  const system = await openKeySystem({ dataDir, keySecret, counter });
  const limits = new MemoryRateLimitStore();
  const policy = rateLimitPolicy(1_000_000, 60_000_000);
  return {
    keys: seeded.known.map((k) => k.plaintext),
    queries: () => counter.total,
    async verify(plaintext) {
      const result = await system.keys.verify(plaintext);
      if (!result.ok) return false;
      if (!rateLimited) return true;
      const decision = await limits.consume(`key:${result.key.id}`, keyLimitsFor(policy, result.key.tier));
      return decision.allowed;
    },
    async close() {
      await limits.close();
      await system.close();
    },
  };
}

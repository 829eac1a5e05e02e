/**
 * How the configuration and the opened stores become an app's dependencies: one place, used by the
 * `socifyr-server` entry point and by anything else that must run the server exactly as it runs (the
 * benchmarks), so the two cannot drift apart.
 */
import type { AppDeps } from './app.js';
import type { Config } from './config.js';
import { InProcessBus } from './events/bus.js';
import { isDashboardBuilt } from './http/dashboard.js';
import { SHARED_LAST_USED_FLUSH_INTERVAL_MS } from './keys/last-used-recorder.js';
import { rateLimitPolicy } from './limits/rate-limiter.js';
import type { Stores } from './stores.js';

/** The per-key and sign-in limits the configuration asks for. */
export const policyOf = (config: Config) =>
  rateLimitPolicy(config.rateLimitPerSecond, config.rateLimitPerMinute, config.rateLimitTiers);

export function appDepsFor(config: Config, stores: Stores): AppDeps {
  return {
    db: stores.db,
    keySecret: stores.keySecret,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    policy: policyOf(config),
    redis: stores.redis,
    // Without Redis, other servers' deletions cannot be heard: keys are then re-read at least every second.
    bus: config.databaseUrl && !stores.redis ? new InProcessBus({ othersShareTheDatabase: true }) : undefined,
    lastUsedFlushIntervalMs: config.databaseUrl ? SHARED_LAST_USED_FLUSH_INTERVAL_MS : undefined,
    dashboardDir: isDashboardBuilt(config.dashboardDir) ? config.dashboardDir : undefined,
  };
}

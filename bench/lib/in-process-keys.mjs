/**
 * The server's key system opened in this process on a data folder, for measurements below HTTP: the
 * same `openStores` and `createKeySystem` the server uses, with a silent logger.
 */
import { requireFromServer, serverModule } from './paths.mjs';

const { openStores } = await import(serverModule('stores.js'));
const { loadConfig } = await import(serverModule('config.js'));
const { createKeySystem } = await import(serverModule('keys/key-system.js'));
const { InProcessBus } = await import(serverModule('events/bus.js'));
const { systemClock } = await import(serverModule('clock.js'));
const { MemoryRateLimitStore, rateLimitPolicy, keyLimitsFor } = await import(
  serverModule('limits/rate-limiter.js')
);
const pino = requireFromServer('pino');

/**
 * Opens the folder's database as the server does and builds its key system (recorder started).
 * `counter` (a QueryCounter) sees every query the key system sends.
 */
export async function openKeySystem({ dataDir, keySecret, counter }) {
  const stores = await openStores(loadConfig({ SOCIFYR_DATA_DIR: dataDir, SOCIFYR_KEY_SECRET: keySecret }));
  const db = counter ? stores.db.withPlugin(counter) : stores.db;
  const system = createKeySystem({
    db,
    secret: stores.keySecret,
    bus: new InProcessBus(),
    clock: systemClock,
    logger: pino({ level: 'silent' }),
  });
  system.recorder.start();
  return {
    ...system,
    db,
    /** A key system with an empty cache on the same database, e.g. to measure cache misses. */
    fresh: () =>
      createKeySystem({
        db,
        secret: stores.keySecret,
        bus: new InProcessBus(),
        clock: systemClock,
        logger: pino({ level: 'silent' }),
      }),
    async close() {
      await system.recorder.stop();
      await stores.close();
    },
  };
}

export { keyLimitsFor, MemoryRateLimitStore, rateLimitPolicy };

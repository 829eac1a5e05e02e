/**
 * The key system as one piece: the key service, its verification cache (kept current by the bus) and its
 * last-use recorder. The app and `bootstrap` both build it here, so they cannot be wired differently.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import { KeyService } from './key-service.js';
import { LastUsedRecorder } from './last-used-recorder.js';
import { VerificationCache } from './verification-cache.js';

export interface KeySystemOptions {
  db: Db;
  /** Secret for key digests. */
  secret: string;
  bus: EventBus;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Interval of the `lastUsedAt` flush; default 1000 ms. */
  flushIntervalMs?: number;
}

export interface KeySystem {
  keys: KeyService;
  cache: VerificationCache;
  /** Not started: the owner starts it (and stops it, which flushes) with its own lifecycle. */
  recorder: LastUsedRecorder;
}

export function createKeySystem({
  db,
  secret,
  bus,
  clock,
  logger,
  flushIntervalMs,
}: KeySystemOptions): KeySystem {
  const cache = new VerificationCache({ clock, degraded: () => !bus.connected });
  bus.subscribe((event) => cache.invalidate(event));
  const recorder = new LastUsedRecorder({ db, logger, clock, flushIntervalMs });
  const keys = new KeyService({ db, secret, cache, recorder, bus, clock });
  return { keys, cache, recorder };
}

/**
 * buildApp(deps) → a ready-to-listen Fastify instance. No I/O at import time and no module-level
 * singletons: every store comes in through `deps`, so each test builds its own app on its own database.
 */
import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { createAuthenticate } from './auth/authenticate.js';
import { argon2Hasher, type PasswordHasher } from './auth/passwords.js';
import { WorkspaceContext } from './auth/workspace-context.js';
import { type Clock, systemClock } from './clock.js';
import type { LogLevel } from './config.js';
import type { Db } from './db/tables.js';
import { type EventBus, InProcessBus } from './events/bus.js';
import { RedisBus } from './events/redis-bus.js';
import { serveDashboard } from './http/dashboard.js';
import {
  BODY_LIMIT_BYTES,
  frameworkErrors,
  installErrorHandling,
  MAX_PARAM_LENGTH,
} from './http/error-handler.js';
import { OpenApiCollector } from './http/openapi.js';
import { createValidatorCompiler } from './http/validation.js';
import { createKeySystem } from './keys/key-system.js';
import type { LastUsedRecorder } from './keys/last-used-recorder.js';
import type { VerificationCache } from './keys/verification-cache.js';
import {
  MemoryRateLimitStore,
  type RateLimitPolicy,
  type RateLimitStore,
  rateLimitPolicy,
} from './limits/rate-limiter.js';
import { RedisRateLimitStore } from './limits/redis-rate-limit-store.js';
import { loggerOptions } from './logger.js';
import { registerRoutes } from './routes/index.js';
import { createServices, type Services } from './services/index.js';

export interface AppDeps {
  db: Db;
  /** Secret for key digests; the same on every server of a deployment. */
  keySecret: string;
  clock?: Clock;
  bus?: EventBus;
  rateLimits?: RateLimitStore;
  /** Default: 10 per second and 60 per minute per key. */
  policy?: RateLimitPolicy;
  passwords?: PasswordHasher;
  logLevel?: LogLevel;
  /** Log destination; tests pass one to inspect every line. */
  logStream?: DestinationStream;
  /** Proxies trusted for the client address; default none. */
  trustProxy?: boolean | number | string[];
  /** Interval of the `lastUsedAt` flush; default 1000 ms. */
  lastUsedFlushIntervalMs?: number;
  /**
   * Redis connection for shared rate limits and the invalidation bus (unless `rateLimits` / `bus` are
   * given); the caller owns and closes it. Default none: both stay in this process.
   */
  redis?: Redis;
  /** Prefix of every Redis key and channel; default `socifyr:`. Tests give each app its own. */
  redisPrefix?: string;
  /** Folder of the built dashboard, served at `/`; default none (API only). */
  dashboardDir?: string;
}

/** What tests and the entry point may reach inside a built app. */
export interface AppInternals {
  services: Services;
  recorder: LastUsedRecorder;
  cache: VerificationCache;
  bus: EventBus;
}

declare module 'fastify' {
  interface FastifyInstance {
    socifyr: AppInternals;
  }
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const clock = deps.clock ?? systemClock;
  const policy = deps.policy ?? rateLimitPolicy(10, 60);

  const app = Fastify({
    logger: loggerOptions({ level: deps.logLevel ?? 'info', stream: deps.logStream }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify accepts a hop count too (its types omit it).
    trustProxy: (deps.trustProxy ?? false) as boolean,
    // 16 hex of a random UUID: as unpredictable as needed, and far cheaper than randomBytes per request.
    genReqId: () => `req_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    return503OnClosing: true,
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrors(clock),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const { bus, rateLimits } = sharedStores(deps, clock, app.log);

  app.setValidatorCompiler(createValidatorCompiler());
  installErrorHandling(app, clock);

  // Only JSON is accepted; other content types answer 400 with a message saying so.
  app.removeContentTypeParser('text/plain');
  // JSON bodies: an empty body counts as no body (POST …/archive with a JSON content type is fine).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  const { keys, cache, recorder } = createKeySystem({
    db: deps.db,
    secret: deps.keySecret,
    bus,
    clock,
    logger: app.log,
    flushIntervalMs: deps.lastUsedFlushIntervalMs,
  });
  const services = createServices({
    db: deps.db,
    clock,
    bus,
    keys,
    passwords: deps.passwords ?? argon2Hasher(),
    rateLimits,
    policy,
  });
  app.decorate('socifyr', { services, recorder, cache, bus });
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 },
      'request completed',
    );
  });
  app.addHook(
    'onRequest',
    createAuthenticate({ keys, sessions: services.sessions, limits: rateLimits, policy }),
  );

  const openapi = new OpenApiCollector();
  app.addHook('onRoute', openapi.onRoute);
  registerRoutes(app, { services, context: new WorkspaceContext(deps.db, keys), openapi });
  if (deps.dashboardDir !== undefined) serveDashboard(app, deps.dashboardDir);

  app.addHook('onReady', async () => recorder.start());
  app.addHook('onClose', async () => {
    await recorder.stop();
    await rateLimits.close();
    // A bus passed in belongs to the caller (several apps may share one).
    if (deps.bus === undefined) await bus.close();
  });
  return app as unknown as App;
}

/** The bus and rate-limit store given, else on Redis when a connection is given, else in this process. */
function sharedStores(deps: AppDeps, clock: Clock, logger: FastifyBaseLogger) {
  const { redis, redisPrefix = 'socifyr:' } = deps;
  const bus =
    deps.bus ??
    (redis ? new RedisBus({ redis, logger, channel: `${redisPrefix}invalidations` }) : new InProcessBus());
  const rateLimits =
    deps.rateLimits ??
    (redis
      ? new RedisRateLimitStore({ redis, clock, logger, prefix: `${redisPrefix}rl:` })
      : new MemoryRateLimitStore(clock));
  return { bus, rateLimits };
}

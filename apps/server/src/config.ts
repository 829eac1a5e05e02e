/**
 * The one place that reads the environment. Every setting is parsed, checked and given its default here;
 * a bad value stops the server at start with a message naming the variable and what it accepts.
 */
import { fileURLToPath } from 'node:url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** TCP port to listen on. Default 8101. */
  port: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only); use 0.0.0.0 to accept outside connections. */
  host: string;
  /** Folder of the embedded database and the generated key secret. Default ./data. */
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite database (scale-out). */
  databaseUrl: string | undefined;
  /** Connections per server to PostgreSQL. Default 10 (at least 2: migrations hold one while running on another). */
  databasePoolSize: number;
  /** Redis for shared rate limits and the invalidation bus (scale-out). */
  redisUrl: string | undefined;
  /** Folder of the built dashboard served at `/`. Default: apps/dashboard/dist beside this server. */
  dashboardDir: string;
  /** Secret for key digests. When unset, one is generated into the data folder. */
  keySecret: string | undefined;
  logLevel: LogLevel;
  /** Record the given key secret even though the database was set up with another (existing keys stop working). */
  acceptNewKeySecret: boolean;
  /**
   * Which proxies to believe about the client address (X-Forwarded-For), for the per-IP throttles:
   * false (default: the socket address), true (any), a hop count, or a list of addresses/CIDRs.
   */
  trustProxy: boolean | number | string[];
  rateLimitPerSecond: number;
  rateLimitPerMinute: number;
  /** Per-key limits for workspaces of a given tier, overriding the two above. */
  rateLimitTiers: Record<string, { perSecond: number; perMinute: number }>;
}

/** apps/dashboard/dist, found from this file (src/ or dist/ of apps/server alike). */
const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Minimum length of SOCIFYR_KEY_SECRET: 32 characters, enough entropy for HMAC-SHA-256 when random. */
export const KEY_SECRET_MIN_LENGTH = 32;

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; reports every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const logLevel = (text('SOCIFYR_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`SOCIFYR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const keySecret = text('SOCIFYR_KEY_SECRET');
  if (keySecret !== undefined && keySecret.length < KEY_SECRET_MIN_LENGTH) {
    problems.push(
      `SOCIFYR_KEY_SECRET must be at least ${KEY_SECRET_MIN_LENGTH} characters (try: openssl rand -hex 32)`,
    );
  }
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      problems.push('DATABASE_URL must start with postgres:// or postgresql://');
    }
    // Servers of one deployment must digest keys with one secret; a secret generated per data folder would differ.
    if (keySecret === undefined) {
      problems.push(
        "DATABASE_URL needs SOCIFYR_KEY_SECRET: every server of the deployment must use the same one (moving from the embedded database? use the value of the data folder's key-secret file, or every existing key stops working)",
      );
    }
  }
  const redisUrl = text('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss://');
  }

  const rateLimitTiers = parseTiers(text('SOCIFYR_RATE_LIMIT_TIERS'), problems);
  const trustProxy = parseTrustProxy(text('SOCIFYR_TRUST_PROXY'), problems);
  const acceptNewKeySecretRaw = text('SOCIFYR_ACCEPT_NEW_KEY_SECRET');
  if (acceptNewKeySecretRaw !== undefined && !['1', 'true', '0', 'false'].includes(acceptNewKeySecretRaw)) {
    problems.push(
      `SOCIFYR_ACCEPT_NEW_KEY_SECRET must be 1 or true (or 0 / false), got "${acceptNewKeySecretRaw}"`,
    );
  }

  const config: Config = {
    port: integer('PORT', 8101, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    dataDir: text('SOCIFYR_DATA_DIR') ?? './data',
    databaseUrl,
    databasePoolSize: integer('SOCIFYR_DATABASE_POOL_SIZE', 10, 2, 1000),
    redisUrl,
    dashboardDir: text('SOCIFYR_DASHBOARD_DIR') ?? DEFAULT_DASHBOARD_DIR,
    keySecret,
    logLevel,
    trustProxy,
    acceptNewKeySecret: acceptNewKeySecretRaw === '1' || acceptNewKeySecretRaw === 'true',
    rateLimitPerSecond: integer('SOCIFYR_RATE_LIMIT_PER_SECOND', 10, 1, 1_000_000),
    rateLimitPerMinute: integer('SOCIFYR_RATE_LIMIT_PER_MINUTE', 60, 1, 60_000_000),
    rateLimitTiers,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The password for `socifyr-server bootstrap` when --password is not given: from SOCIFYR_BOOTSTRAP_PASSWORD,
 * which, unlike a command-line argument, other users of the machine cannot see in `ps`. Used as is.
 */
export function bootstrapPassword(env: Env = process.env): string | undefined {
  const value = env.SOCIFYR_BOOTSTRAP_PASSWORD;
  return value === '' ? undefined : value;
}

/** `pro=50/1000,enterprise=500/20000` → per-tier limits; each tier once, each limit at least 1. */
function parseTiers(raw: string | undefined, problems: string[]): Config['rateLimitTiers'] {
  const tiers: Config['rateLimitTiers'] = {};
  for (const entry of raw?.split(',') ?? []) {
    const match = /^\s*([a-z0-9_-]+)\s*=\s*(\d+)\s*\/\s*(\d+)\s*$/i.exec(entry);
    if (!match) {
      problems.push(
        `SOCIFYR_RATE_LIMIT_TIERS must be a comma-separated list of tier=perSecond/perMinute, e.g. "pro=50/1000", got "${raw}"`,
      );
      return tiers;
    }
    const [, tier, perSecond, perMinute] = match as unknown as [string, string, string, string];
    if (tier in tiers) problems.push(`SOCIFYR_RATE_LIMIT_TIERS names the tier "${tier}" twice`);
    if (Number(perSecond) < 1 || Number(perMinute) < 1) {
      problems.push(
        `SOCIFYR_RATE_LIMIT_TIERS: the limits of "${tier}" must be at least 1, got ${perSecond}/${perMinute}`,
      );
    }
    tiers[tier] = { perSecond: Number(perSecond), perMinute: Number(perMinute) };
  }
  return tiers;
}

const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/(\d|[12]\d|3[0-2]))?$/;
const IPV6_CIDR = /^[0-9a-f:]+(\/(\d{1,2}|1[01]\d|12[0-8]))?$/i;

/** `true` | `false` | a hop count | comma-separated addresses or CIDRs. */
function parseTrustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((part) => part.trim());
  const valid = (part: string) =>
    (IPV4_CIDR.test(part) &&
      part
        .split('/')[0]!
        .split('.')
        .every((octet) => Number(octet) <= 255)) ||
    (part.includes(':') && IPV6_CIDR.test(part));
  if (!addresses.every(valid)) {
    problems.push(
      `SOCIFYR_TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs such as 10.0.0.0/8, got "${raw}"`,
    );
  }
  return addresses;
}

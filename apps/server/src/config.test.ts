import { describe, expect, it } from 'vitest';
import { bootstrapPassword, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8101,
      host: '127.0.0.1',
      dataDir: './data',
      dashboardDir: expect.stringMatching(/apps\/dashboard\/dist$/),
      databaseUrl: undefined,
      databasePoolSize: 10,
      redisUrl: undefined,
      keySecret: undefined,
      logLevel: 'info',
      acceptNewKeySecret: false,
      trustProxy: false,
      rateLimitPerSecond: 10,
      rateLimitPerMinute: 60,
      rateLimitTiers: {},
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      SOCIFYR_DATA_DIR: '/var/lib/socifyr',
      SOCIFYR_DASHBOARD_DIR: '/srv/dashboard',
      DATABASE_URL: 'postgresql://socifyr:pw@db/socifyr',
      SOCIFYR_DATABASE_POOL_SIZE: '4',
      REDIS_URL: 'redis://cache',
      SOCIFYR_KEY_SECRET: 'x'.repeat(40),
      SOCIFYR_LOG_LEVEL: 'warn',
      SOCIFYR_RATE_LIMIT_PER_SECOND: '100',
      SOCIFYR_RATE_LIMIT_PER_MINUTE: '1000',
      SOCIFYR_RATE_LIMIT_TIERS: 'pro=50/1000, enterprise = 500/20000',
      SOCIFYR_TRUST_PROXY: '1',
      SOCIFYR_ACCEPT_NEW_KEY_SECRET: 'true',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/socifyr',
      dashboardDir: '/srv/dashboard',
      databaseUrl: 'postgresql://socifyr:pw@db/socifyr',
      databasePoolSize: 4,
      redisUrl: 'redis://cache',
      keySecret: 'x'.repeat(40),
      logLevel: 'warn',
      acceptNewKeySecret: true,
      trustProxy: 1,
      rateLimitPerSecond: 100,
      rateLimitPerMinute: 1000,
      rateLimitTiers: expect.any(Object),
    });
    expect(config.rateLimitTiers).toEqual({
      pro: { perSecond: 50, perMinute: 1000 },
      enterprise: { perSecond: 500, perMinute: 20000 },
    });
  });

  it('takes PostgreSQL and Redis for scale-out', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://socifyr@db:5432/socifyr',
        REDIS_URL: 'redis://cache:6379',
        SOCIFYR_KEY_SECRET: secret,
        SOCIFYR_DATABASE_POOL_SIZE: '20',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://socifyr@db:5432/socifyr',
      redisUrl: 'redis://cache:6379',
      databasePoolSize: 20,
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380' }).redisUrl).toBe('rediss://cache:6380');
    expect(loadConfig({ DATABASE_URL: '  ', REDIS_URL: '' })).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
    });
  });

  // Every server of a deployment must digest keys with the same secret; one generated per data folder
  // would differ from server to server.
  it('refuses DATABASE_URL without SOCIFYR_KEY_SECRET, saying where the old secret is', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/socifyr' })).toThrow(
      /DATABASE_URL needs SOCIFYR_KEY_SECRET: every server of the deployment must use the same one.*key-secret file/,
    );
  });

  it('checks the shape of DATABASE_URL, REDIS_URL and the pool size, reporting every problem', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'memcached://x',
        SOCIFYR_KEY_SECRET: 'x'.repeat(32),
        SOCIFYR_DATABASE_POOL_SIZE: '1',
      });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://',
      'REDIS_URL must start with redis:// or rediss://',
      expect.stringMatching(/^SOCIFYR_DATABASE_POOL_SIZE must be a whole number from 2 to 1000, got "1"/),
    ]);
  });

  it.each([
    [{ SOCIFYR_BOOTSTRAP_PASSWORD: 'a long password ' }, 'a long password '],
    [{ SOCIFYR_BOOTSTRAP_PASSWORD: '' }, undefined],
    [{}, undefined],
  ])('reads the bootstrap password from %j, as is', (env, expected) => {
    expect(bootstrapPassword(env)).toBe(expected);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16', ['10.0.0.1', '192.168.0.0/16']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
  ])('reads SOCIFYR_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ SOCIFYR_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    ['SOCIFYR_TRUST_PROXY', '10.0.0.0/33', /SOCIFYR_TRUST_PROXY must be true, false, a hop count/],
    ['SOCIFYR_TRUST_PROXY', '300.1.1.1', /SOCIFYR_TRUST_PROXY must be/],
    ['SOCIFYR_RATE_LIMIT_TIERS', 'pro=50/1000,pro=5/10', /names the tier "pro" twice/],
    ['SOCIFYR_RATE_LIMIT_TIERS', 'free=0/0', /the limits of "free" must be at least 1, got 0\/0/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', SOCIFYR_KEY_SECRET: '  ' })).toMatchObject({
      port: 8101,
      keySecret: undefined,
    });
  });

  it('reports every bad value at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        SOCIFYR_LOG_LEVEL: 'loud',
        SOCIFYR_KEY_SECRET: 'short',
        SOCIFYR_RATE_LIMIT_PER_SECOND: '0',
        DATABASE_URL: 'mysql://x',
        SOCIFYR_RATE_LIMIT_TIERS: 'pro=fast',
        SOCIFYR_TRUST_PROXY: 'the load balancer',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/SOCIFYR_TRUST_PROXY must be true, false, a hop count/);
    expect(problems.join('\n')).toMatch(
      /SOCIFYR_RATE_LIMIT_TIERS must be a comma-separated list of tier=perSecond\/perMinute/,
    );
    expect(problems.join('\n')).toMatch(/PORT must be a whole number from 0 to 65535, got "eighty"/);
    expect(problems.join('\n')).toMatch(/SOCIFYR_LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/SOCIFYR_KEY_SECRET must be at least 32 characters/);
    expect(problems.join('\n')).toMatch(/SOCIFYR_RATE_LIMIT_PER_SECOND must be a whole number from 1/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//);
  });
});

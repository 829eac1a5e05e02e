import { describe, expect, it } from 'vitest';
import { bootstrapPassword, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8101,
      host: '127.0.0.1',
      dataDir: './data',
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

  // Scaled out on this build, every server would keep its own database and limits: a key deleted on one
  // would go on working on the others. So a configuration that asks for shared stores is refused.
  it.each([
    [
      'DATABASE_URL',
      'postgres://localhost/socifyr',
      'DATABASE_URL is set, but this build stores data only in the embedded SQLite database (in SOCIFYR_DATA_DIR); unset it (PostgreSQL support is coming)',
    ],
    [
      'REDIS_URL',
      'redis://localhost:6379',
      'REDIS_URL is set, but this build keeps rate limits and key invalidations only in the server process; unset it (Redis support is coming)',
    ],
  ])('refuses to start with %s set, which this build cannot use', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    expect(loadConfig({ [name]: '  ' })).toMatchObject({ port: 8101 });
  });

  it('still checks the shape of DATABASE_URL and REDIS_URL, reporting both problems of each', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'memcached://x' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://',
      expect.stringMatching(/^DATABASE_URL is set, but this build/),
      'REDIS_URL must start with redis:// or rediss://',
      expect.stringMatching(/^REDIS_URL is set, but this build/),
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
    expect(problems).toHaveLength(8);
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

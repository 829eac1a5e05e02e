/**
 * 5. Revocation across servers: two server processes on one PostgreSQL and one Redis (a throwaway cluster
 * and redis-server started for the run). For each of N keys: the key is created through server A and
 * verified (so cached) by server B; B is then asked about it again and again, back to back, while A deletes
 * it. Measured per deletion: from the moment the DELETE is sent to A until B first refuses the key, and
 * how many of B's answers accepted it after A had acknowledged the deletion (the contract: none).
 * Compared with the same two servers without Redis, where B can only notice when its cached copy expires.
 */
import { spawn } from 'node:child_process';
import { freePort, startServices } from '../../scripts/services.mjs';
import { section, table } from '../lib/markdown.mjs';
import { REPO_ROOT, requireFromServer } from '../lib/paths.mjs';
import { newKeySecret } from '../lib/seed.mjs';
import { RAISED_LIMITS } from '../lib/server-process.mjs';
import { int, ratio } from '../lib/stats.mjs';

const MAIN = `${REPO_ROOT}apps/server/dist/main.js`;
const TARGET_MS = 100;

export async function revocation({ rounds, log }) {
  // The full run (5 rounds per comparison elsewhere) measures 100 deletions; a smoke run fewer.
  const full = rounds >= 5;
  const deletions = full ? 100 : 20;
  const withoutBusDeletions = full ? 20 : 5;
  let services;
  try {
    services = await startServices();
  } catch (error) {
    log(`revocation: skipped (${error.message})`);
    return skipped(error.message);
  }
  try {
    const keySecret = newKeySecret();
    log(`revocation: ${deletions} deletions with Redis, ${withoutBusDeletions} without`);
    const withBus = await measure({
      env: { DATABASE_URL: database(services.postgresUrl, 'with_bus'), REDIS_URL: services.redisUrl },
      postgresUrl: services.postgresUrl,
      keySecret,
      deletions,
    });
    const withoutBus = await measure({
      env: { DATABASE_URL: database(services.postgresUrl, 'without_bus') },
      postgresUrl: services.postgresUrl,
      keySecret,
      deletions: withoutBusDeletions,
    });
    return report(withBus, withoutBus, deletions, withoutBusDeletions);
  } finally {
    services.stop();
  }
}

/** The cluster's URL naming another database (created by `measure`). */
function database(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function measure({ env, postgresUrl, keySecret, deletions }) {
  const name = new URL(env.DATABASE_URL).pathname.slice(1);
  await createDatabase(postgresUrl, name);
  const common = { ...env, SOCIFYR_KEY_SECRET: keySecret, SOCIFYR_TRUST_PROXY: 'true', ...RAISED_LIMITS };
  const [a, b] = await Promise.all([startMain(common), startMain(common)]);
  try {
    const owner = await signUp(a.origin);
    const windows = [];
    let lateAcceptances = 0;
    for (let i = 0; i < deletions; i++) {
      // Each deletion from an address of its own: the refusals are failed authentications, throttled per address.
      const from = `10.${(i >> 8) & 255}.${i & 255}.9`;
      const key = await createKey(a.origin, owner);
      if ((await ask(b.origin, key.plaintext, from)) !== 200) throw new Error('B did not accept a new key');
      const sentAt = performance.now();
      let ackedAt = Number.POSITIVE_INFINITY;
      const deleted = fetch(`${a.origin}/api/workspaces/${owner.workspaceId}/api-keys/${key.id}`, {
        method: 'DELETE',
        headers: { cookie: owner.cookie, 'x-requested-with': 'socifyr' },
      }).then(async (response) => {
        await response.arrayBuffer();
        ackedAt = performance.now();
      });
      for (;;) {
        const askedAt = performance.now();
        const status = await ask(b.origin, key.plaintext, from);
        if (status !== 200) {
          windows.push(askedAt - sentAt);
          break;
        }
        if (askedAt > ackedAt) lateAcceptances++;
        if (performance.now() - sentAt > 10_000) throw new Error('B accepted a deleted key for 10 s');
      }
      await deleted;
    }
    return { windows, lateAcceptances };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function ask(origin, plaintext, from) {
  const response = await fetch(`${origin}/api/auth/me`, {
    headers: { authorization: `Bearer ${plaintext}`, 'x-forwarded-for': from },
  });
  await response.arrayBuffer();
  return response.status;
}

function report(withBus, withoutBus, deletions, withoutBusDeletions) {
  const bus = percentiles(withBus.windows);
  const noBus = percentiles(withoutBus.windows);
  const rows = [
    ['PostgreSQL + Redis', deletions, ms(bus.p50), ms(bus.p99), ms(bus.max), int(withBus.lateAcceptances)],
    [
      'PostgreSQL only (no bus)',
      withoutBusDeletions,
      ms(noBus.p50),
      ms(noBus.p99),
      ms(noBus.max),
      int(withoutBus.lateAcceptances),
    ],
  ];
  const met = bus.p99 <= TARGET_MS && withBus.lateAcceptances === 0;
  const header = ['setup', 'deletions', 'p50', 'p99', 'max', 'accepted after the DELETE was acknowledged'];
  return {
    title: '5. Revocation across servers (PostgreSQL + Redis)',
    console: [
      `with Redis: p50 ${ms(bus.p50)}, p99 ${ms(bus.p99)}, max ${ms(bus.max)}; accepted after acknowledged: ${withBus.lateAcceptances}`,
      `without a bus: p50 ${ms(noBus.p50)}, p99 ${ms(noBus.p99)}; accepted after acknowledged: ${withoutBus.lateAcceptances}`,
      `Redis vs no bus (p99): ${ratio(noBus.p99, bus.p99)} faster; target p99 ≤ ${TARGET_MS} ms and none accepted late: ${met ? 'met' : 'NOT met'}`,
    ],
    markdown: section(
      '5. Revocation across servers (PostgreSQL + Redis)',
      'Two server processes on one PostgreSQL and one Redis, started for the run. For each key: created through server A, verified (and so cached) by server B, then B is asked about it back to back while A deletes it. The time is from sending the DELETE to A until B first refuses the key; it includes A\u2019s own work (the DELETE, the publish). The last column counts answers of B that accepted the key to a request sent after A had acknowledged the deletion.',
      table(header, rows),
      `Target: a deleted key is refused by every other server within ${TARGET_MS} ms and never accepted again — ${met ? 'met' : '**not met**'} (p99 ${ms(bus.p99)}, ${withBus.lateAcceptances} late acceptances). Without Redis a server cannot hear another's deletion and relies on its short cache lifetime (1 s): ${ratio(noBus.p99, bus.p99)} slower at p99.`,
    ),
  };
}

function skipped(reason) {
  return {
    title: '5. Revocation across servers (PostgreSQL + Redis)',
    console: [`skipped: ${reason}`],
    markdown: section(
      '5. Revocation across servers (PostgreSQL + Redis)',
      `Not measured in this run: ${reason}. Install PostgreSQL and Redis (\`apt-get install postgresql redis-server\`) and run \`npm run bench\` again.`,
    ),
  };
}

function percentiles(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

const ms = (value) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

async function createDatabase(adminUrl, name) {
  const pg = requireFromServer('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
}

/** The real `socifyr-server` on a free port; resolves once /api/health answers. */
async function startMain(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SOCIFYR_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`socifyr-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('socifyr-server did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function signUp(origin) {
  const response = await fetch(`${origin}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: 'a long bench password',
      name: 'Bench',
    }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';', 1)[0];
  await response.arrayBuffer();
  const me = await (await fetch(`${origin}/api/auth/me`, { headers: { cookie } })).json();
  return { cookie, workspaceId: me.data.workspaces[0].id };
}

async function createKey(origin, owner) {
  const response = await fetch(`${origin}/api/workspaces/${owner.workspaceId}/api-keys`, {
    method: 'POST',
    headers: { cookie: owner.cookie, 'content-type': 'application/json', 'x-requested-with': 'socifyr' },
    body: JSON.stringify({ label: 'revocation' }),
  });
  const body = await response.json();
  return { id: body.data.key.id, plaintext: body.data.plaintext };
}

/**
 * Where the server spends its time under load: runs it with `node --cpu-prof`, loads it with autocannon
 * from this process, stops it (the profile is written at exit) and prints self time per origin and the
 * top functions.
 *
 *   node bench/profile.mjs [--scenario=busy|rotating|workspace|health|flood] [--seconds=10] [--top=30] [--keep]
 *
 * busy: /api/bench/auth-only with one key; rotating: the same with 999 keys in turn; workspace:
 * GET /api/workspaces/:id with one key; health: GET /api/health; flood: keys with bad checksums from one
 * address (401, then 429). --keep leaves the .cpuprofile file
 * (open it in Chrome DevTools → Performance) and prints where it is.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './lib/cpu-profile.mjs';
import { badChecksumKeys } from './lib/keys.mjs';
import { loadOnce } from './lib/load.mjs';
import { assertBuilt } from './lib/paths.mjs';
import { bearer, rotation } from './lib/requests.mjs';
import { newKeySecret, seedDataDir, tempFolder } from './lib/seed.mjs';
import { AUTH_ONLY_PATH, startServer } from './lib/server-process.mjs';
import { int } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'busy' },
    seconds: { type: 'string', default: '10' },
    top: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
});
assertBuilt();

const temp = tempFolder('socifyr-profile-');
const keySecret = newKeySecret();
const seeded = await seedDataDir({ dataDir: temp.path, keySecret, keyCount: 1000 });
const [first, ...rest] = seeded.known.map((k) => k.plaintext);
const profileDir = join(temp.path, 'profile');
const server = await startServer({
  dataDir: temp.path,
  keySecret,
  execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
const scenarios = {
  busy: { url: `${server.origin}${AUTH_ONLY_PATH}`, headers: bearer(first) },
  rotating: { url: `${server.origin}${AUTH_ONLY_PATH}`, perConnection: rotation(AUTH_ONLY_PATH, rest) },
  workspace: { url: `${server.origin}/api/workspaces/${seeded.workspaceId}`, headers: bearer(first) },
  health: { url: `${server.origin}/api/health` },
  flood: {
    url: `${server.origin}/api/workspaces`,
    perConnection: rotation('/api/workspaces', badChecksumKeys(10_000)),
    allowNon2xx: true,
  },
};
const scenario = scenarios[values.scenario];
if (!scenario) {
  await server.stop();
  temp.remove();
  throw new Error(`unknown scenario "${values.scenario}"; choose from ${Object.keys(scenarios).join(', ')}`);
}
let result;
try {
  result = await loadOnce({ name: values.scenario, ...scenario }, Number(values.seconds));
} finally {
  await server.stop();
}
const file = join(
  profileDir,
  readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')),
);
const summary = summarizeProfile(file);
const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`.padStart(6);

console.log(
  `${values.scenario}: ${int(result.rps)} req/s, p99 ${result.p99} ms, ${int(summary.totalMs)} ms profiled`,
);
console.log('\nSelf time by origin:');
for (const { origin, ms } of summary.origins.slice(0, 15)) console.log(`${pct(ms)}  ${origin}`);
console.log(`\nTop ${values.top} functions by self time:`);
for (const fn of summary.functions.slice(0, Number(values.top))) {
  console.log(`${pct(fn.ms)}  ${fn.name}  ${fn.file}:${fn.line}  [${fn.origin}]`);
}
console.log('\nOur code only:');
for (const fn of summary.functions.filter((f) => f.origin.startsWith('ours')).slice(0, 15)) {
  console.log(`${pct(fn.ms)}  ${fn.name}  ${fn.file}:${fn.line}`);
}
if (values.keep) console.log(`\nprofile kept: ${file}`);
else temp.remove();

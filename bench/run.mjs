/**
 * `npm run bench`: runs every benchmark in turn and writes docs/benchmarks.md.
 *
 *   node bench/run.mjs                 full run (5 rounds of 5 s per comparison, 1 000 000 keys), writes the doc
 *   node bench/run.mjs --quick         smoke run (2 rounds of 2 s, 100 000 keys), prints only
 *   node bench/run.mjs --only=floods   some benchmarks (comma-separated names below), prints only
 *                                      (revocation needs PostgreSQL and Redis installed; it starts both)
 *   --write                            write docs/benchmarks.md even with --quick or --only
 *   --markdown                         also print each section's markdown
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { anchors } from './benchmarks/anchors.mjs';
import { authOverhead } from './benchmarks/auth-overhead.mjs';
import { floods } from './benchmarks/floods.mjs';
import { keyCount } from './benchmarks/key-count.mjs';
import { lastUsed } from './benchmarks/last-used.mjs';
import { revocation } from './benchmarks/revocation.mjs';
import { describeCode, describeMachine } from './lib/machine.mjs';
import { assertBuilt, BENCHMARKS_DOC, REPO_ROOT } from './lib/paths.mjs';
import { renderReport, writeReport } from './lib/report.mjs';
import { tempFolder } from './lib/seed.mjs';

/** In the order of docs/benchmarks.md. Revocation starts PostgreSQL and Redis, and says so when it cannot. */
const BENCHMARKS = {
  'auth-overhead': authOverhead,
  'key-count': keyCount,
  floods,
  'last-used': lastUsed,
  revocation,
  anchors,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    write: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});
const only = values.only?.split(',').map((s) => s.trim());
for (const name of only ?? []) {
  if (!(name in BENCHMARKS)) {
    console.error(`unknown benchmark "${name}"; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(1);
  }
}
assertBuilt();

const settings = values.quick
  ? { rounds: 2, seconds: 2, largeKeyCount: 100_000 }
  : { rounds: 5, seconds: 5, largeKeyCount: 1_000_000 };
const machine = describeMachine();
const code = describeCode(REPO_ROOT);
const temp = tempFolder();
const log = (line) => console.error(`[bench] ${line}`);
const started = performance.now();
const sections = [];
try {
  log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; code: ${code}; data in ${temp.path}`);
  for (const [name, benchmark] of Object.entries(BENCHMARKS)) {
    if (only && !only.includes(name)) continue;
    const result = await benchmark({
      ...settings,
      log,
      folder: (sub) => {
        const path = join(temp.path, sub);
        mkdirSync(path, { recursive: true });
        return path;
      },
    });
    console.log(`\n${result.title}`);
    for (const line of result.console) console.log(`  ${line}`);
    if (values.markdown) console.log(`\n${result.markdown}\n`);
    sections.push(result.markdown);
  }
} finally {
  temp.remove();
}

if ((!values.quick && !only) || values.write) {
  const markdown = renderReport({
    machine,
    code,
    seconds: (performance.now() - started) / 1000,
    settings: `${settings.rounds} rounds of ${settings.seconds} s per variant after a 1 s warm-up, 32 connections (autocannon, in the bench's own process; each server in a process of its own), server log level \`warn\` (the default \`info\` logs every request and costs every row alike), rate limits raised by configuration.`,
    sections,
  });
  writeReport(BENCHMARKS_DOC, markdown);
  log(`wrote ${BENCHMARKS_DOC}`);
}

/** docs/benchmarks.md: the machine, how the run was made, then one section per benchmark. */
import { writeFileSync } from 'node:fs';
import { table } from './markdown.mjs';

/** Renders the whole document from the machine description, the run settings and the sections. */
export function renderReport({ machine, code, settings, sections, seconds }) {
  return [
    '# Benchmarks',
    'Produced by `npm run bench` (bench/run.mjs); do not edit by hand — run it again. Every comparison below is measured side by side in one run, on one machine, in alternating rounds, and reported as the median of the rounds: the machine is shared, so ratios mean more than absolute numbers.',
    table(
      ['', ''],
      [
        ['CPU', machine.cpu],
        ['cores', String(machine.cores)],
        ['memory', `${machine.memoryGiB} GiB`],
        ['Node.js', machine.node],
        ['platform', machine.platform],
        ['date', machine.date],
        ['code measured', code],
        ['load average when the run started', machine.loadAtStart.toFixed(2)],
        ['run time', `${Math.round(seconds)} s`],
      ],
    ),
    `Settings: ${settings}`,
    ...sections,
  ].join('\n\n');
}

export function writeReport(file, markdown) {
  writeFileSync(file, `${markdown}\n`);
}

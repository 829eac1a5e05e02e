/** The machine a run was measured on, as docs/benchmarks.md states it next to every number. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/**
 * The commit the measured code comes from, and whether the server or the key package had uncommitted
 * changes (the bench measures their built output, whatever is in the working tree).
 */
export function describeCode(repoRoot) {
  const git = (...args) => execFileSync('git', ['-C', repoRoot, ...args], { encoding: 'utf8' }).trim();
  try {
    const commit = git('log', '-1', '--format=%h %s').slice(0, 100);
    const dirty = git('status', '--porcelain', '--', 'apps/server', 'packages/keys') !== '';
    return `${commit}${dirty ? ' (with uncommitted changes in apps/server or packages/keys)' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** CPU model from /proc/cpuinfo (falls back to what Node reports), cores, memory, Node, date, load. */
export function describeMachine(now = new Date()) {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: keep Node's answer
  }
  return {
    cpu: model,
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: now.toISOString(),
    /** 1-minute load average when the run started: others sharing the machine show up here. */
    loadAtStart: loadavg()[0] ?? 0,
  };
}

/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and sums self time per function and per
 * origin (our code, each dependency, Node's internals, garbage collection, idle).
 */
import { readFileSync } from 'node:fs';

/** Which code a frame belongs to, from its script URL. */
export function originOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/apps/server/dist/')) return 'ours: apps/server';
  if (url.includes('/packages/keys/dist/')) return 'ours: packages/keys';
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

/** Self time in ms per function and per origin, largest first. */
export function summarizeProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map();
  // samples[i] was taken timeDeltas[i] µs after the previous one; attribute each delta to its sample.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const functions = new Map();
  const origins = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const origin = originOf(callFrame.url, name);
    const file = callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
    const key = `${name} ${file}:${callFrame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { name, file, line: callFrame.lineNumber + 1, origin, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    origins.set(origin, (origins.get(origin) ?? 0) + ms);
    totalMs += ms;
  }
  const sorted = (m) => [...m.values()].sort((a, b) => b.ms - a.ms);
  return {
    totalMs,
    functions: sorted(functions),
    origins: [...origins].map(([origin, ms]) => ({ origin, ms })).sort((a, b) => b.ms - a.ms),
  };
}

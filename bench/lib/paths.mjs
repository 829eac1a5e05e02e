/**
 * Where the bench finds what it measures: the built server and key package of this repository
 * (`npm run build` makes them). The bench imports their compiled output, so it runs exactly the code
 * that `npm start` runs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_DIST = new URL('../../apps/server/dist/', import.meta.url);
export const KEYS_DIST = new URL('../../packages/keys/dist/index.js', import.meta.url);
export const BENCHMARKS_DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

/** A module of the built server, e.g. `serverModule('app.js')`. */
export const serverModule = (path) => new URL(path, SERVER_DIST).href;

/**
 * `require` as the server's own files resolve it: the bench opens SQLite with the very `better-sqlite3`
 * build the server uses, instead of compiling a second copy.
 */
export const requireFromServer = createRequire(new URL('app.js', SERVER_DIST));

/** Throws a message saying what to run when the build the bench measures is missing. */
export function assertBuilt() {
  for (const file of [new URL('app.js', SERVER_DIST), KEYS_DIST]) {
    if (!existsSync(file)) {
      throw new Error(`${fileURLToPath(file)} is missing: run npm run build at the repository root first`);
    }
  }
}

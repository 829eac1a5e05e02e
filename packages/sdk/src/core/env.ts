/** Environment variables, read so that runtimes without `process` (browsers, workers) simply have none. */

interface ProcessLike {
  env?: Record<string, string | undefined>;
}

/**
 * The value of an environment variable, or undefined when it is unset, empty, or the runtime has no
 * `process.env` (or refuses access to it, as Deno does without `--allow-env`).
 *
 * @example readEnv('SOCIFYR_API_KEY') // "sk_…" or undefined
 */
export function readEnv(name: string): string | undefined {
  try {
    const value = (globalThis as { process?: ProcessLike }).process?.env?.[name];
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

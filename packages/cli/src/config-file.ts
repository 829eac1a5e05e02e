/**
 * The settings file `socifyr configure` writes: `$XDG_CONFIG_HOME/socifyr/config.json`, else
 * `~/.config/socifyr/config.json`. It holds a key, so the folder is 0700 and the file 0600, enforced on
 * every write (also when they already existed with looser modes), and it is replaced atomically so a
 * crash or a second `configure` never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { CliError } from './errors.js';

/** Only the owner may list the folder. */
export const CONFIG_DIR_MODE = 0o700;
/** Only the owner may read or write the file. */
export const CONFIG_FILE_MODE = 0o600;

/** What the file may hold. Every field is optional; unknown fields are refused. */
export interface ConfigFileContents {
  apiKey?: string;
  workspaceId?: string;
  apiUrl?: string;
}

const FIELDS = ['apiKey', 'workspaceId', 'apiUrl'] as const;

/**
 * Where the file lives. `XDG_CONFIG_HOME` counts only when it is an absolute path, as the XDG
 * specification says; otherwise `<home>/.config`.
 */
export function configFilePath(env: Record<string, string | undefined>, homeDir: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.config');
  return join(base, 'socifyr', 'config.json');
}

/** Reads the file; a missing file is an empty configuration. Every problem is reported at once. */
export function readConfigFile(
  path: string,
  fs: Pick<typeof nodeFs, 'readFileSync'> = nodeFs,
): ConfigFileContents {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw CliError.usage(`Cannot read ${path}: ${(error as Error).message}`);
  }
  return parseConfig(text, path);
}

/** Parses the file's text, then checks every field. Exported for tests. */
export function parseConfig(text: string, path: string): ConfigFileContents {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw CliError.usage(`${path} is not valid JSON. Fix it, delete it, or run socifyr configure again.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw CliError.usage(`${path} must hold a JSON object. Delete it and run socifyr configure again.`);
  }
  const problems: string[] = [];
  const contents: ConfigFileContents = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!(FIELDS as readonly string[]).includes(name)) {
      problems.push(`unknown field "${name}"`);
    } else if (typeof value !== 'string') {
      problems.push(`"${name}" must be a string`);
    } else {
      contents[name as (typeof FIELDS)[number]] = value;
    }
  }
  if (problems.length > 0) {
    throw CliError.usage(`${path}: ${problems.join(', ')}. Fix it or run socifyr configure again.`);
  }
  return contents;
}

/** The file-system calls a write makes; tests pass a failing one to check that a failed write changes nothing. */
export type ConfigFs = Pick<
  typeof nodeFs,
  | 'mkdirSync'
  | 'chmodSync'
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fchmodSync'
  | 'closeSync'
  | 'renameSync'
  | 'rmSync'
>;

/**
 * Writes the file atomically: a new file in the same folder, created 0600 and synced, then renamed over
 * the old one. The folder is created 0700, or set to 0700 when it existed. Fields left undefined are omitted.
 */
export function writeConfigFile(path: string, contents: ConfigFileContents, fs: ConfigFs = nodeFs): void {
  const dir = dirname(path);
  fs.mkdirSync(dir, { recursive: true, mode: CONFIG_DIR_MODE });
  fs.chmodSync(dir, CONFIG_DIR_MODE);

  const ordered: ConfigFileContents = {};
  for (const field of FIELDS) {
    if (contents[field] !== undefined) ordered[field] = contents[field];
  }
  const text = `${JSON.stringify(ordered, null, 2)}\n`;

  const temporary = join(dir, `.config.json.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let written = false;
  try {
    const fd = fs.openSync(temporary, 'wx', CONFIG_FILE_MODE);
    try {
      // The mode given to open is reduced by the umask; set it exactly.
      fs.fchmodSync(fd, CONFIG_FILE_MODE);
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, path);
    written = true;
  } finally {
    if (!written) fs.rmSync(temporary, { force: true });
  }
}

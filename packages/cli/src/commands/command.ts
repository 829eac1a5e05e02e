/** What every command is: a spec (for parsing and help) and a plain async function that may throw. */
import type { Socifyr } from '@socifyr/sdk';
import type { CommandSpec, OptionValues } from '../args.js';
import type { ResolvedSettings } from '../settings.js';

export interface CommandContext {
  /** Parsed options, global ones included (read them with the helpers of args.ts). */
  values: OptionValues;
  /** Positional arguments after the command's words. */
  args: string[];
  /**
   * The key, workspace and API URL after precedence, with their sources. The config file is read on
   * first use, so `configure` can replace a broken file and help needs no file at all.
   */
  settings(): ResolvedSettings;
  /** The config file's path, whether or not it exists. */
  configPath: string;
  /** The environment the command runs in (configure reads and writes the config file with it). */
  env: Record<string, string | undefined>;
  /** `--json` was given. */
  json: boolean;
  /**
   * The SDK client for the resolved settings, made on first use. Throws a CliError with exit code 2
   * when no key is set or the key is malformed, so nothing is sent with it.
   */
  client(): Socifyr;
  /** The workspace to act in: the configured one, else the key's own (found with one auth.me() call). */
  workspaceId(): Promise<string>;
  /** Prints the data: as JSON with `--json`, else the text `render` makes from it, on stdout. */
  print<T>(data: T, render: (data: T) => string): void;
  /** Writes raw text to stdout (for `keys create`, whose plaintext must be the only thing there). */
  stdout(text: string): void;
  /** One line for people on stderr, after `socifyr: ` (warnings and notes that are not the data). */
  note(line: string): void;
}

export interface Command extends CommandSpec {
  run(context: CommandContext): Promise<void>;
}

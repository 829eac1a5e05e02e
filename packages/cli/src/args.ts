/**
 * argv → which command, its options and its arguments, with node:util parseArgs.
 * Commands are data (`CommandSpec`), so the parser, the help and the tests share one table.
 */
import { parseArgs } from 'node:util';
import { CliError } from './errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
  /** One-letter alias, e.g. `h` for `-h`. */
  short?: string;
  /** Shown in help after the option, e.g. `<label>`. */
  placeholder?: string;
  description: string;
  /** The command refuses to run without it. */
  required?: boolean;
}

export interface ArgumentSpec {
  /** Shown in help and in the "missing argument" message, e.g. `id`. */
  name: string;
  description: string;
}

export interface CommandSpec {
  /** The words that name it, e.g. `['keys', 'create']`. */
  path: readonly string[];
  /** Other words that name it, e.g. `['keys']` for `keys list`. */
  aliases?: readonly (readonly string[])[];
  summary: string;
  /** Required positional arguments, in order; no more are accepted. */
  args?: readonly ArgumentSpec[];
  /** Options of this command only; the global ones are always accepted too. */
  options?: Readonly<Record<string, OptionSpec>>;
  /** Whole example command lines shown in help. */
  examples?: readonly string[];
}

/** Accepted by every command. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  key: {
    type: 'string',
    placeholder: '<sk_…>',
    description: 'API key (over SOCIFYR_API_KEY and the config file)',
  },
  workspace: {
    type: 'string',
    placeholder: '<ws_…>',
    description: "Workspace id (over SOCIFYR_WORKSPACE_ID and the config file; default: the key's own)",
  },
  'api-url': {
    type: 'string',
    placeholder: '<url>',
    description: 'API base URL, e.g. http://localhost:8101/api (over SOCIFYR_API_URL and the config file)',
  },
  json: { type: 'boolean', description: 'Print the data as JSON instead of a table' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
  version: { type: 'boolean', description: 'Print the version of socifyr' },
};

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export type ParsedArgv<C extends CommandSpec> =
  | { kind: 'version' }
  /** `topic` is empty for the general help, a group word (`['keys']`) or a command's path. */
  | { kind: 'help'; topic: readonly string[] }
  | { kind: 'run'; command: C; values: OptionValues; args: string[] };

/**
 * Reads argv (without `node` and the script). Throws `CliError` (exit code 1) with one line that names
 * the problem: unknown command or option, a missing value or argument, too many arguments.
 *
 * @example parseArgv(['keys', 'create', '--label', 'CI'], COMMANDS) // { kind: 'run', command: keysCreate, … }
 */
export function parseArgv<C extends CommandSpec>(
  argv: readonly string[],
  commands: readonly C[],
): ParsedArgv<C> {
  const everyOption = allOptions(commands);
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: toParseArgsOptions(everyOption),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const unknown = tokens.find((token) => token.kind === 'option' && !(token.name in everyOption));
  if (unknown?.kind === 'option') {
    throw CliError.usage(`Unknown option ${unknown.rawName}. Run socifyr --help.`);
  }
  if (values.version === true) return { kind: 'version' };

  if (positionals[0] === 'help') {
    const topic = positionals.slice(1);
    return { kind: 'help', topic: topic.length > 0 ? resolveTopic(topic, commands) : [] };
  }
  if (positionals.length === 0) return { kind: 'help', topic: [] };
  if (values.help === true) return { kind: 'help', topic: resolveTopic(positionals, commands) };

  const { command, args } = resolveCommand(positionals, commands);
  const allowed = { ...GLOBAL_OPTIONS, ...command.options };
  const name = commandName(command);
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = allowed[token.name];
    if (!spec) {
      throw CliError.usage(`Unknown option ${token.rawName} for ${name}. Run ${name} --help.`);
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw CliError.usage(`Option ${token.rawName} takes no value.`);
    }
    if (spec.type === 'string') checkStringValue(token.rawName, token.value, token.inlineValue, spec);
    if (!spec.multiple && seen.has(token.name)) {
      throw CliError.usage(`Option ${token.rawName} is given more than once.`);
    }
    seen.add(token.name);
  }

  const expected = command.args ?? [];
  if (args.length > expected.length) {
    throw CliError.usage(`Too many arguments for ${name}: ${args.slice(expected.length).join(' ')}.`);
  }
  const missingArg = expected[args.length];
  if (missingArg) {
    throw CliError.usage(`Missing argument <${missingArg.name}>. Usage: ${usageLine(command)}`);
  }
  for (const [option, spec] of Object.entries(command.options ?? {})) {
    if (spec.required && values[option] === undefined) {
      throw CliError.usage(
        `${`Missing option --${option} ${spec.placeholder ?? ''}`.trim()}. Usage: ${usageLine(command)}`,
      );
    }
  }
  return { kind: 'run', command, values, args };
}

function checkStringValue(
  rawName: string,
  value: string | undefined,
  inline: boolean | undefined,
  spec: OptionSpec,
): void {
  const placeholder = spec.placeholder ?? '<value>';
  if (value === undefined)
    throw CliError.usage(`Option ${rawName} needs a value: ${rawName} ${placeholder}.`);
  // `--label --json` would otherwise take "--json" as the label.
  if (!inline && value.startsWith('-') && value.length > 1) {
    throw CliError.usage(
      `Option ${rawName} needs a value, got the option ${value}. For a value starting with "-", write ${rawName}=${value}.`,
    );
  }
}

/** "socifyr keys create". */
export function commandName(command: CommandSpec): string {
  return ['socifyr', ...command.path].join(' ');
}

/** "socifyr keys create --label <label>", with required options and arguments. */
export function usageLine(command: CommandSpec): string {
  const parts = [commandName(command)];
  for (const arg of command.args ?? []) parts.push(`<${arg.name}>`);
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    if (spec.required) parts.push(`--${name} ${spec.placeholder ?? '<value>'}`);
  }
  if (Object.values(command.options ?? {}).some((spec) => !spec.required)) parts.push('[options]');
  return parts.join(' ');
}

function namesOf(command: CommandSpec): readonly (readonly string[])[] {
  return [command.path, ...(command.aliases ?? [])];
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((word, i) => words[i] === word);
}

/** The command named by the longest matching leading words; the rest are its arguments. */
function resolveCommand<C extends CommandSpec>(
  positionals: readonly string[],
  commands: readonly C[],
): { command: C; args: string[] } {
  let best: { command: C; length: number } | undefined;
  for (const command of commands) {
    for (const name of namesOf(command)) {
      if (startsWith(positionals, name) && name.length > (best?.length ?? 0)) {
        best = { command, length: name.length };
      }
    }
  }
  const group = groupCommands(positionals[0] ?? '', commands);
  if (!best) {
    const hint = group.length > 0 ? ` Run socifyr ${positionals[0]} --help.` : ' Run socifyr --help.';
    throw CliError.usage(`Unknown command "${positionals.join(' ')}".${hint}`);
  }
  const args = positionals.slice(best.length);
  // `socifyr keys frobnicate` is a wrong sub-command, not an argument to `keys list`.
  if (best.length === 1 && args.length > 0 && !best.command.args?.length && group.length > 1) {
    const choices = group.map((command) => command.path.join(' ')).join(', ');
    throw CliError.usage(`Unknown command "${positionals.slice(0, 2).join(' ')}". Commands: ${choices}.`);
  }
  return { command: best.command, args };
}

/** Commands whose first word is `word` (a group such as `keys`), in table order. */
export function groupCommands<C extends CommandSpec>(word: string, commands: readonly C[]): C[] {
  return commands.filter((command) => command.path[0] === word);
}

/** The help topic for words such as `keys` (a group) or `keys create` (a command). */
function resolveTopic(words: readonly string[], commands: readonly CommandSpec[]): readonly string[] {
  if (words.length === 1 && groupCommands(words[0]!, commands).length > 1) return [words[0]!];
  return resolveCommand(words, commands).command.path;
}

function allOptions(commands: readonly CommandSpec[]): Record<string, OptionSpec> {
  const all: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
  for (const command of commands) Object.assign(all, command.options);
  return all;
}

function toParseArgsOptions(options: Record<string, OptionSpec>) {
  const result: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, spec] of Object.entries(options)) {
    result[name] = {
      type: spec.type,
      multiple: spec.multiple ?? false,
      ...(spec.short && { short: spec.short }),
    };
  }
  return result;
}

/** The value of a string option, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, in order. */
export function stringsOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** True when a boolean option was given. */
export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A whole-number option within [min, max], or undefined when absent. */
export function integerOption(
  values: OptionValues,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw CliError.usage(`Option --${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}

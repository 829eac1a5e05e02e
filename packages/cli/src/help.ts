/** The text of `socifyr --help`, `socifyr help <group>` and `socifyr <command> --help`, made from the command table. */
import {
  type CommandSpec,
  commandName,
  GLOBAL_OPTIONS,
  groupCommands,
  type OptionSpec,
  usageLine,
} from './args.js';

const EXIT_CODES =
  'Exit codes: 0 ok, 1 usage or input error (also 400/404/409), 2 missing, malformed or refused key (401/403),\n' +
  '3 server or network failure (5xx, unreachable, timeout, 429 after retries).';

const SETTINGS =
  'Settings: flag > environment (SOCIFYR_API_KEY, SOCIFYR_WORKSPACE_ID, SOCIFYR_API_URL) > config file\n' +
  '($XDG_CONFIG_HOME/socifyr/config.json or ~/.config/socifyr/config.json, written by socifyr configure).';

/** Help for `topic`: [] for everything, a group word such as ['keys'], or a command's path. */
export function renderHelp(topic: readonly string[], commands: readonly CommandSpec[]): string {
  if (topic.length === 0) return generalHelp(commands);
  if (topic.length === 1 && groupCommands(topic[0]!, commands).length > 1)
    return groupHelp(topic[0]!, commands);
  const command = commands.find((c) => c.path.join(' ') === topic.join(' '));
  return command ? commandHelp(command) : generalHelp(commands);
}

function generalHelp(commands: readonly CommandSpec[]): string {
  return [
    'socifyr: manage a Socifyr workspace (API keys, connections, content) from the shell',
    '',
    'Usage: socifyr <command> [options]',
    '',
    'Commands:',
    list(commands.map((c) => [c.path.join(' '), c.summary])),
    '',
    'Options of every command:',
    optionList(GLOBAL_OPTIONS),
    '',
    SETTINGS,
    EXIT_CODES,
    '',
    'Run socifyr help <command> (or socifyr <command> --help) for its options and examples.',
  ].join('\n');
}

function groupHelp(word: string, commands: readonly CommandSpec[]): string {
  const group = groupCommands(word, commands);
  return [
    `socifyr ${word}: ${group.length} commands`,
    '',
    list(group.map((c) => [c.path.join(' '), c.summary])),
    '',
    `Run socifyr help <command> for its options, e.g. socifyr help ${group.at(-1)?.path.join(' ')}.`,
  ].join('\n');
}

function commandHelp(command: CommandSpec): string {
  const lines = [`${commandName(command)}: ${command.summary}`, '', `Usage: ${usageLine(command)}`];
  for (const alias of command.aliases ?? []) lines.push(`  also: socifyr ${alias.join(' ')}`);
  if (command.args?.length) {
    lines.push('', 'Arguments:', list(command.args.map((a) => [`<${a.name}>`, a.description])));
  }
  if (command.options && Object.keys(command.options).length > 0) {
    lines.push('', 'Options:', optionList(command.options));
  }
  // A command may give a global option its own meaning (configure saves --key instead of using it).
  const global = Object.entries(GLOBAL_OPTIONS).filter(([name]) => !(name in (command.options ?? {})));
  lines.push('', 'Options of every command:', optionList(Object.fromEntries(global)));
  if (command.examples?.length) {
    lines.push('', 'Examples:', ...command.examples.map((example) => `  ${example}`));
  }
  lines.push('', EXIT_CODES);
  return lines.join('\n');
}

function optionList(options: Readonly<Record<string, OptionSpec>>): string {
  return list(
    Object.entries(options).map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
      const notes = [spec.required && 'required', spec.multiple && 'repeatable'].filter(Boolean);
      return [flag, notes.length > 0 ? `${spec.description}; ${notes.join(', ')}` : spec.description];
    }),
  );
}

/** Two aligned columns, indented. */
function list(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([left]) => [...left].length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

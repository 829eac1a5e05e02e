import { describe, expect, it } from 'vitest';
import { type CommandSpec, integerOption, parseArgv, stringsOption } from './args.js';
import { COMMANDS } from './commands/index.js';
import { CliError, ExitCode } from './errors.js';

const KEY = `sk_${'a'.repeat(64)}`;

function run(argv: string[]) {
  const parsed = parseArgv(argv, COMMANDS);
  if (parsed.kind !== 'run') return parsed;
  return {
    kind: parsed.kind,
    command: parsed.command.path.join(' '),
    values: parsed.values,
    args: parsed.args,
  };
}

function usageError(argv: string[]): string {
  try {
    parseArgv(argv, COMMANDS);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    return (error as CliError).message;
  }
  throw new Error(`parseArgv(${JSON.stringify(argv)}) did not fail`);
}

describe('parseArgv: argv → command, options, arguments', () => {
  it.each<[string[], ReturnType<typeof run>]>([
    [['connections'], { kind: 'run', command: 'connections', values: {}, args: [] }],
    [['connections', 'list'], { kind: 'run', command: 'connections', values: {}, args: [] }],
    [
      ['--key', KEY, '--workspace', 'ws_1', 'connections'],
      { kind: 'run', command: 'connections', values: { key: KEY, workspace: 'ws_1' }, args: [] },
    ],
    [
      ['connections', '--api-url=http://localhost:8101/api', '--json'],
      {
        kind: 'run',
        command: 'connections',
        values: { 'api-url': 'http://localhost:8101/api', json: true },
        args: [],
      },
    ],
    [
      ['configure', '--key', KEY, '--workspace', 'ws_1'],
      { kind: 'run', command: 'configure', values: { key: KEY, workspace: 'ws_1' }, args: [] },
    ],
    [['configure', '--show'], { kind: 'run', command: 'configure', values: { show: true }, args: [] }],
    [['whoami'], { kind: 'run', command: 'whoami', values: {}, args: [] }],
    [
      ['connections', 'add', '--platform', 'x', '--handle', 'brand', '--name', 'Brand'],
      {
        kind: 'run',
        command: 'connections add',
        values: { platform: 'x', handle: 'brand', name: 'Brand' },
        args: [],
      },
    ],
    [
      ['connections', 'remove', 'x-brand'],
      { kind: 'run', command: 'connections remove', values: {}, args: ['x-brand'] },
    ],
    [['keys'], { kind: 'run', command: 'keys list', values: {}, args: [] }],
    [['keys', 'list', '--json'], { kind: 'run', command: 'keys list', values: { json: true }, args: [] }],
    [
      ['keys', 'create', '--label', 'CI bot'],
      { kind: 'run', command: 'keys create', values: { label: 'CI bot' }, args: [] },
    ],
    [['keys', 'delete', 'key_1'], { kind: 'run', command: 'keys delete', values: {}, args: ['key_1'] }],
    [
      ['content', 'list', '--status', 'draft', '--page', '2', '--limit', '5'],
      { kind: 'run', command: 'content list', values: { status: 'draft', page: '2', limit: '5' }, args: [] },
    ],
    [['content'], { kind: 'run', command: 'content list', values: {}, args: [] }],
    [['content', 'get', 'post_1'], { kind: 'run', command: 'content get', values: {}, args: ['post_1'] }],
    [
      [
        'content',
        'create',
        '--text',
        'Hello',
        '--connection',
        'x-a',
        '--connection=x-b',
        '--scheduled-at',
        '2030-01-01T00:00:00Z',
      ],
      {
        kind: 'run',
        command: 'content create',
        values: { text: 'Hello', connection: ['x-a', 'x-b'], 'scheduled-at': '2030-01-01T00:00:00Z' },
        args: [],
      },
    ],
    [
      ['content', 'create', '--text=-5 degrees', '--connection', 'x-a'],
      {
        kind: 'run',
        command: 'content create',
        values: { text: '-5 degrees', connection: ['x-a'] },
        args: [],
      },
    ],
    [
      ['content', 'archive', 'post_1'],
      { kind: 'run', command: 'content archive', values: {}, args: ['post_1'] },
    ],
    [
      ['content', 'delete', 'post_1'],
      { kind: 'run', command: 'content delete', values: {}, args: ['post_1'] },
    ],
    [['members'], { kind: 'run', command: 'members list', values: {}, args: [] }],
    [['members', 'list'], { kind: 'run', command: 'members list', values: {}, args: [] }],
    [['workspaces', 'list'], { kind: 'run', command: 'workspaces list', values: {}, args: [] }],
    [
      ['keys', 'delete', '--', '--odd-id'],
      { kind: 'run', command: 'keys delete', values: {}, args: ['--odd-id'] },
    ],
  ])('%j', (argv, expected) => {
    expect(run(argv)).toEqual(expected);
  });
});

describe('parseArgv: help and version', () => {
  it.each<[string[], ReturnType<typeof run>]>([
    [[], { kind: 'help', topic: [] }],
    [['--help'], { kind: 'help', topic: [] }],
    [['-h'], { kind: 'help', topic: [] }],
    [['help'], { kind: 'help', topic: [] }],
    [['help', 'keys'], { kind: 'help', topic: ['keys'] }],
    [['help', 'keys', 'create'], { kind: 'help', topic: ['keys', 'create'] }],
    [['help', 'connections', 'list'], { kind: 'help', topic: ['connections'] }],
    [['help', 'members'], { kind: 'help', topic: ['members', 'list'] }],
    [['keys', '--help'], { kind: 'help', topic: ['keys'] }],
    [['connections', '--help'], { kind: 'help', topic: ['connections'] }],
    [['whoami', '--help'], { kind: 'help', topic: ['whoami'] }],
    // Help wins over what the command would need to run.
    [['keys', 'create', '--help'], { kind: 'help', topic: ['keys', 'create'] }],
    [['keys', 'delete', '-h'], { kind: 'help', topic: ['keys', 'delete'] }],
    [['--version'], { kind: 'version' }],
    [['whoami', '--version'], { kind: 'version' }],
  ])('%j', (argv, expected) => {
    expect(run(argv)).toEqual(expected);
  });
});

describe('parseArgv: usage errors say what is wrong', () => {
  it.each<[string[], string]>([
    [['frobnicate'], 'Unknown command "frobnicate". Run socifyr --help.'],
    [['keys', 'rotate'], 'Unknown command "keys rotate". Commands: keys list, keys create, keys delete.'],
    [['help', 'frobnicate'], 'Unknown command "frobnicate". Run socifyr --help.'],
    [['whoami', '--frob'], 'Unknown option --frob. Run socifyr --help.'],
    [['whoami', '-x'], 'Unknown option -x. Run socifyr --help.'],
    [['whoami', '--label', 'x'], 'Unknown option --label for socifyr whoami. Run socifyr whoami --help.'],
    [['keys', 'create'], 'Missing option --label <label>. Usage: socifyr keys create --label <label>'],
    [['keys', 'create', '--label'], 'Option --label needs a value: --label <label>.'],
    [
      ['keys', 'create', '--label', '--json'],
      'Option --label needs a value, got the option --json. For a value starting with "-", write --label=--json.',
    ],
    [['keys', 'create', '--label', 'a', '--label', 'b'], 'Option --label is given more than once.'],
    [['whoami', '--json=yes'], 'Option --json takes no value.'],
    [['keys', 'delete'], 'Missing argument <id>. Usage: socifyr keys delete <id>'],
    [['keys', 'delete', 'key_1', 'key_2'], 'Too many arguments for socifyr keys delete: key_2.'],
    [['whoami', 'extra'], 'Too many arguments for socifyr whoami: extra.'],
    [
      ['connections', 'remove'],
      'Missing argument <id-or-slug>. Usage: socifyr connections remove <id-or-slug>',
    ],
    [
      ['content', 'create', '--text', 'hi'],
      'Missing option --connection <slug>. Usage: socifyr content create --text <text> --connection <slug> [options]',
    ],
  ])('%j', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('option values', () => {
  it.each<[string, number | undefined]>([
    ['1', 1],
    ['100', 100],
  ])('--limit %s is %s', (text, expected) => {
    expect(integerOption({ limit: text }, 'limit', 1, 100)).toBe(expected);
  });

  it.each(['0', '101', '-1', '1.5', 'ten', '', '1e2'])(
    '--limit %j is refused with the allowed range',
    (text) => {
      expect(() => integerOption({ limit: text }, 'limit', 1, 100)).toThrow(
        `Option --limit must be a whole number from 1 to 100, got "${text}".`,
      );
    },
  );

  it('an absent option is undefined, a repeatable one an empty list', () => {
    expect(integerOption({}, 'page', 1, 10)).toBeUndefined();
    expect(stringsOption({}, 'connection')).toEqual([]);
  });
});

describe('the command table', () => {
  it('gives each option name one meaning across commands, so one parse can serve them all', () => {
    const seen = new Map<string, string>();
    for (const command of COMMANDS as readonly CommandSpec[]) {
      for (const [name, spec] of Object.entries(command.options ?? {})) {
        const shape = `${spec.type}/${spec.multiple ?? false}`;
        expect(seen.get(name) ?? shape, `--${name} of ${command.path.join(' ')}`).toBe(shape);
        seen.set(name, shape);
      }
    }
  });

  it('names every command once', () => {
    const names = COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])].map((words) => words.join(' ')));
    expect(new Set(names).size).toBe(names.length);
  });
});

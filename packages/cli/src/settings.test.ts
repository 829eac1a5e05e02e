import { describe, expect, it } from 'vitest';
import type { ConfigFileContents } from './config-file.js';
import { describeSource, type ResolvedSettings, resolveSettings, type SettingFlags } from './settings.js';

const PATH = '/home/ada/.config/socifyr/config.json';
const FILE: ConfigFileContents = { apiKey: 'sk_file', workspaceId: 'ws_file', apiUrl: 'http://file/api' };
const ENV = {
  SOCIFYR_API_KEY: 'sk_env',
  SOCIFYR_WORKSPACE_ID: 'ws_env',
  SOCIFYR_API_URL: 'http://env/api',
};
const FLAGS: SettingFlags = { key: 'sk_flag', workspace: 'ws_flag', apiUrl: 'http://flag/api' };

type Row = [
  name: string,
  flags: SettingFlags,
  env: Record<string, string | undefined>,
  file: ConfigFileContents,
  expected: Omit<ResolvedSettings, 'configPath'>,
];

const fromFile = { kind: 'file', path: PATH } as const;

describe('resolveSettings: flag > environment > config file', () => {
  it.each<Row>([
    ['nothing anywhere', {}, {}, {}, {}],
    [
      'only the file',
      {},
      {},
      FILE,
      {
        apiKey: { value: 'sk_file', source: fromFile },
        workspaceId: { value: 'ws_file', source: fromFile },
        apiUrl: { value: 'http://file/api', source: fromFile },
      },
    ],
    [
      'the environment over the file',
      {},
      ENV,
      FILE,
      {
        apiKey: { value: 'sk_env', source: { kind: 'env', variable: 'SOCIFYR_API_KEY' } },
        workspaceId: { value: 'ws_env', source: { kind: 'env', variable: 'SOCIFYR_WORKSPACE_ID' } },
        apiUrl: { value: 'http://env/api', source: { kind: 'env', variable: 'SOCIFYR_API_URL' } },
      },
    ],
    [
      'flags over the environment and the file',
      FLAGS,
      ENV,
      FILE,
      {
        apiKey: { value: 'sk_flag', source: { kind: 'flag', flag: '--key' } },
        workspaceId: { value: 'ws_flag', source: { kind: 'flag', flag: '--workspace' } },
        apiUrl: { value: 'http://flag/api', source: { kind: 'flag', flag: '--api-url' } },
      },
    ],
    [
      'each setting on its own level',
      { apiUrl: 'http://flag/api' },
      { SOCIFYR_API_KEY: 'sk_env' },
      FILE,
      {
        apiKey: { value: 'sk_env', source: { kind: 'env', variable: 'SOCIFYR_API_KEY' } },
        workspaceId: { value: 'ws_file', source: fromFile },
        apiUrl: { value: 'http://flag/api', source: { kind: 'flag', flag: '--api-url' } },
      },
    ],
    [
      'empty values count as unset (SOCIFYR_API_KEY= socifyr …)',
      { key: '' },
      { SOCIFYR_API_KEY: '', SOCIFYR_WORKSPACE_ID: '   ' },
      FILE,
      {
        apiKey: { value: 'sk_file', source: fromFile },
        workspaceId: { value: 'ws_file', source: fromFile },
        apiUrl: { value: 'http://file/api', source: fromFile },
      },
    ],
    [
      'surrounding whitespace is dropped',
      { key: ' sk_flag\n' },
      {},
      {},
      { apiKey: { value: 'sk_flag', source: { kind: 'flag', flag: '--key' } } },
    ],
    ['other variables are ignored', {}, { API_KEY: 'sk_x', SOCIFYR_KEY: 'sk_y' }, {}, {}],
  ])('%s', (_name, flags, env, file, expected) => {
    expect(resolveSettings({ flags, env, file, configPath: PATH })).toEqual({
      ...expected,
      configPath: PATH,
    });
  });
});

describe('describeSource', () => {
  it.each([
    [{ kind: 'flag', flag: '--key' } as const, 'the --key flag'],
    [{ kind: 'env', variable: 'SOCIFYR_API_KEY' } as const, 'SOCIFYR_API_KEY'],
    [fromFile, `the config file ${PATH}`],
  ])('%j → %s', (source, text) => {
    expect(describeSource(source)).toBe(text);
  });
});

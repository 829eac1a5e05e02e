import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFilePath, parseConfig, readConfigFile, writeConfigFile } from './config-file.js';
import { CliError } from './errors.js';

const modeOf = (path: string) => fs.statSync(path).mode & 0o777;

describe('configFilePath', () => {
  it.each<[Record<string, string | undefined>, string]>([
    [{}, '/home/ada/.config/socifyr/config.json'],
    [{ XDG_CONFIG_HOME: '/xdg' }, '/xdg/socifyr/config.json'],
    [{ XDG_CONFIG_HOME: '' }, '/home/ada/.config/socifyr/config.json'],
    // The XDG specification says a relative path is to be ignored.
    [{ XDG_CONFIG_HOME: 'relative/dir' }, '/home/ada/.config/socifyr/config.json'],
  ])('%j → %s', (env, expected) => {
    expect(configFilePath(env, '/home/ada')).toBe(expected);
  });
});

describe('the config file on disk', () => {
  let root: string;
  let dir: string;
  let path: string;
  beforeEach(() => {
    root = fs.mkdtempSync(join(tmpdir(), 'socifyr-cli-config-'));
    dir = join(root, 'xdg', 'socifyr');
    path = join(dir, 'config.json');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is missing at first, which reads as empty', () => {
    expect(readConfigFile(path)).toEqual({});
  });

  it('is created 0600 in a folder created 0700, and reads back', () => {
    writeConfigFile(path, { apiKey: 'sk_a', workspaceId: 'ws_a' });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    expect(readConfigFile(path)).toEqual({ apiKey: 'sk_a', workspaceId: 'ws_a' });
    expect(JSON.parse(fs.readFileSync(path, 'utf8'))).toEqual({ apiKey: 'sk_a', workspaceId: 'ws_a' });
  });

  it('tightens a folder and a file that already existed with looser modes', () => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path, '{}', { mode: 0o644 });
    fs.chmodSync(path, 0o644);
    writeConfigFile(path, { apiUrl: 'http://localhost:8101/api' });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
  });

  it('replaces the file by renaming a complete new one over it, leaving nothing else behind', () => {
    writeConfigFile(path, { apiKey: 'sk_old' });
    const before = fs.statSync(path).ino;
    const reader = fs.openSync(path, 'r');
    try {
      writeConfigFile(path, { apiKey: 'sk_new' });
      // Someone who had the old file open still reads all of it: it was not truncated in place.
      expect(JSON.parse(fs.readFileSync(reader, 'utf8'))).toEqual({ apiKey: 'sk_old' });
    } finally {
      fs.closeSync(reader);
    }
    expect(fs.statSync(path).ino).not.toBe(before);
    expect(readConfigFile(path)).toEqual({ apiKey: 'sk_new' });
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });

  it.each(['writeSync', 'fsyncSync', 'renameSync'] as const)(
    'keeps the old file whole and removes the temporary one when %s fails',
    (failing) => {
      writeConfigFile(path, { apiKey: 'sk_old', workspaceId: 'ws_old' });
      const broken = {
        ...fs,
        [failing]: () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      };
      expect(() => writeConfigFile(path, { apiKey: 'sk_new' }, broken)).toThrow('ENOSPC');
      expect(readConfigFile(path)).toEqual({ apiKey: 'sk_old', workspaceId: 'ws_old' });
      expect(fs.readdirSync(dir)).toEqual(['config.json']);
    },
  );

  it('omits fields left undefined', () => {
    writeConfigFile(path, { apiKey: undefined, workspaceId: 'ws_a' });
    expect(JSON.parse(fs.readFileSync(path, 'utf8'))).toEqual({ workspaceId: 'ws_a' });
  });

  it('reports a file it cannot read with its path', () => {
    fs.mkdirSync(path, { recursive: true }); // a folder where the file should be
    expect(() => readConfigFile(path)).toThrow(`Cannot read ${path}`);
  });
});

describe('parseConfig', () => {
  const PATH = '/c/config.json';
  it.each<[string, string]>([
    ['not json', '/c/config.json is not valid JSON. Fix it, delete it, or run socifyr configure again.'],
    ['[]', '/c/config.json must hold a JSON object. Delete it and run socifyr configure again.'],
    ['null', '/c/config.json must hold a JSON object. Delete it and run socifyr configure again.'],
    [
      '{"apiKey": 1, "key": "sk_x", "apiUrl": null}',
      '/c/config.json: "apiKey" must be a string, unknown field "key", "apiUrl" must be a string. Fix it or run socifyr configure again.',
    ],
  ])('%s is refused with every problem at once', (text, message) => {
    let error: unknown;
    try {
      parseConfig(text, PATH);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(message);
    expect((error as CliError).exitCode).toBe(1);
  });

  it('never repeats the file content in an error (it may hold a key)', () => {
    expect(() => parseConfig('{"apiKey": "sk_secret"', PATH)).toThrow(/^(?!.*sk_secret)/);
  });
});

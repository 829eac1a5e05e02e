/**
 * Which key, workspace and API URL a command uses, and where each came from.
 * Precedence, highest first: the flag, then the environment variable, then the config file.
 * An empty value counts as unset at every level (so `SOCIFYR_API_KEY= socifyr …` falls through to the file).
 */
import type { ConfigFileContents } from './config-file.js';

/** Where a setting's value came from, for `configure --show` and for error messages that point at the fix. */
export type SettingSource =
  | { kind: 'flag'; flag: string }
  | { kind: 'env'; variable: string }
  | { kind: 'file'; path: string };

export interface Setting {
  value: string;
  source: SettingSource;
}

export interface ResolvedSettings {
  /** Undefined when no level sets it: commands that talk to the API then stop with exit code 2. */
  apiKey?: Setting;
  /** Undefined: the API acts in the key's own workspace. */
  workspaceId?: Setting;
  /** Undefined: the SDK's default URL. */
  apiUrl?: Setting;
  /** The config file consulted (whether or not it exists). */
  configPath: string;
}

export interface SettingFlags {
  key?: string;
  workspace?: string;
  apiUrl?: string;
}

interface SettingLevels {
  flag: string;
  variable: string;
  field: keyof ConfigFileContents;
}

/** The one table of names: flag, environment variable and config-file field of each setting. */
export const SETTING_NAMES = {
  apiKey: { flag: '--key', variable: 'SOCIFYR_API_KEY', field: 'apiKey' },
  workspaceId: { flag: '--workspace', variable: 'SOCIFYR_WORKSPACE_ID', field: 'workspaceId' },
  apiUrl: { flag: '--api-url', variable: 'SOCIFYR_API_URL', field: 'apiUrl' },
} as const satisfies Record<string, SettingLevels>;

export interface ResolveSettingsOptions {
  flags: SettingFlags;
  env: Record<string, string | undefined>;
  file: ConfigFileContents;
  configPath: string;
}

/** Applies the precedence to each setting. Pure: the caller reads the environment and the file. */
export function resolveSettings({ flags, env, file, configPath }: ResolveSettingsOptions): ResolvedSettings {
  const flagValues: Record<keyof typeof SETTING_NAMES, string | undefined> = {
    apiKey: flags.key,
    workspaceId: flags.workspace,
    apiUrl: flags.apiUrl,
  };
  const resolved: ResolvedSettings = { configPath };
  for (const name of Object.keys(SETTING_NAMES) as (keyof typeof SETTING_NAMES)[]) {
    const levels = SETTING_NAMES[name];
    const setting =
      pick(flagValues[name], { kind: 'flag', flag: levels.flag }) ??
      pick(env[levels.variable], { kind: 'env', variable: levels.variable }) ??
      pick(file[levels.field], { kind: 'file', path: configPath });
    if (setting) resolved[name] = setting;
  }
  return resolved;
}

function pick(value: string | undefined, source: SettingSource): Setting | undefined {
  const trimmed = value?.trim();
  return trimmed ? { value: trimmed, source } : undefined;
}

/** "the --key flag", "SOCIFYR_API_KEY", "the config file /home/ada/.config/socifyr/config.json". */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
      return `the ${source.flag} flag`;
    case 'env':
      return source.variable;
    case 'file':
      return `the config file ${source.path}`;
  }
}

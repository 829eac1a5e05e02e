/** `socifyr configure`: save settings to the config file, or show the settings in effect. */
import { isWellFormedKey, keyHint } from '@socifyr/keys';
import { DEFAULT_API_URL } from '@socifyr/sdk';
import { booleanOption, stringOption } from '../args.js';
import {
  CONFIG_FILE_MODE,
  type ConfigFileContents,
  readConfigFile,
  writeConfigFile,
} from '../config-file.js';
import { CliError } from '../errors.js';
import { assertWellFormedKey } from '../key-check.js';
import { renderFields } from '../output.js';
import { SETTING_NAMES, type Setting, type SettingSource } from '../settings.js';
import type { Command, CommandContext } from './command.js';

export const configure: Command = {
  path: ['configure'],
  summary: 'Save the API key, workspace and API URL in the config file, or --show the settings',
  options: {
    key: {
      type: 'string',
      placeholder: '<sk_…>',
      description: 'The API key to save (refused if its shape or checksum is wrong)',
    },
    workspace: {
      type: 'string',
      placeholder: '<ws_…>',
      description: 'The workspace id to save; "" forgets it (then the key\'s own workspace is used)',
    },
    'api-url': {
      type: 'string',
      placeholder: '<url>',
      description: 'The API URL to save, e.g. http://localhost:8101/api; "" forgets it',
    },
    show: {
      type: 'boolean',
      description: 'Print the settings in effect (key hinted) and where each one comes from',
    },
  },
  examples: [
    'socifyr configure --key sk_… --workspace ws_…',
    'socifyr configure --api-url http://localhost:8101/api',
    'socifyr configure --workspace ""        # forget the saved workspace',
    'socifyr configure --show',
  ],
  async run(context) {
    if (booleanOption(context.values, 'show')) return show(context);
    return save(context);
  },
};

async function save(context: CommandContext): Promise<void> {
  const given: ConfigFileContents = {
    apiKey: stringOption(context.values, 'key')?.trim(),
    workspaceId: stringOption(context.values, 'workspace')?.trim(),
    apiUrl: stringOption(context.values, 'api-url')?.trim(),
  };
  if (Object.values(given).every((value) => value === undefined)) {
    throw CliError.usage(
      'Nothing to save. Give --key, --workspace and/or --api-url, or --show to see the settings.',
    );
  }
  if (given.apiKey) assertWellFormedKey(given.apiKey, 'the --key flag');
  if (given.workspaceId && !/^ws_[^\s]+$/.test(given.workspaceId)) {
    throw CliError.usage(`--workspace must be a workspace id (ws_…), got "${given.workspaceId}".`);
  }
  if (given.apiUrl) checkApiUrl(given.apiUrl);

  const path = context.configPath;
  let saved: ConfigFileContents;
  try {
    saved = readConfigFile(path);
  } catch (error) {
    context.note(`${(error as Error).message} Replacing it.`);
    saved = {};
  }
  for (const field of ['apiKey', 'workspaceId', 'apiUrl'] as const) {
    const value = given[field];
    if (value === undefined) continue;
    // An empty value forgets the setting.
    if (value === '') delete saved[field];
    else saved[field] = value;
  }
  try {
    writeConfigFile(path, saved);
  } catch (error) {
    throw CliError.usage(`Cannot write ${path}: ${(error as Error).message}`);
  }

  for (const field of ['apiKey', 'workspaceId', 'apiUrl'] as const) {
    const variable = SETTING_NAMES[field].variable;
    if (given[field] !== undefined && context.env[variable]?.trim()) {
      context.note(`${variable} is set in the environment and takes precedence over the saved value.`);
    }
  }

  const result = {
    configFile: path,
    apiKey: saved.apiKey === undefined ? null : hint(saved.apiKey),
    workspaceId: saved.workspaceId ?? null,
    apiUrl: saved.apiUrl ?? null,
  };
  context.print(result, () =>
    [
      `Saved ${path} (mode ${CONFIG_FILE_MODE.toString(8).padStart(4, '0')}).`,
      renderFields([
        ['API key', result.apiKey ?? '(not set)'],
        ['Workspace', result.workspaceId ?? "(not set: the key's own workspace)"],
        ['API URL', result.apiUrl ?? `(not set: ${DEFAULT_API_URL})`],
      ]),
    ].join('\n'),
  );
}

function checkApiUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw CliError.usage(`--api-url must be a URL such as http://localhost:8101/api, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw CliError.usage(`--api-url must start with http:// or https://, got "${value}".`);
  }
}

async function show(context: CommandContext): Promise<void> {
  const { apiKey, workspaceId, apiUrl, configPath } = context.settings();
  const result = {
    configFile: configPath,
    apiKey: apiKey
      ? {
          hint: hint(apiKey.value),
          wellFormed: isWellFormedKey(apiKey.value),
          source: sourceName(apiKey.source),
        }
      : null,
    workspaceId: workspaceId ? describe(workspaceId) : null,
    apiUrl: apiUrl ? describe(apiUrl) : { value: DEFAULT_API_URL, source: 'default' },
  };
  context.print(result, () =>
    renderFields([
      ['Config file', configPath],
      [
        'API key',
        result.apiKey
          ? `${result.apiKey.hint}${result.apiKey.wellFormed ? '' : ' (malformed)'}  from ${result.apiKey.source}`
          : '(not set: give --key, set SOCIFYR_API_KEY or run socifyr configure --key sk_…)',
      ],
      [
        'Workspace',
        result.workspaceId
          ? `${result.workspaceId.value}  from ${result.workspaceId.source}`
          : "(not set: the key's own workspace)",
      ],
      ['API URL', `${result.apiUrl.value}  from ${result.apiUrl.source}`],
    ]),
  );
}

function describe(setting: Setting): { value: string; source: string } {
  return { value: setting.value, source: sourceName(setting.source) };
}

/** "--key", "SOCIFYR_API_KEY", "config file". */
function sourceName(source: SettingSource): string {
  if (source.kind === 'flag') return source.flag;
  if (source.kind === 'env') return source.variable;
  return 'config file';
}

/** The key's hint; a string too short to hint safely is not shown at all. */
function hint(key: string): string {
  return key.length >= 16 ? keyHint(key) : '(hidden: too short to be a key)';
}

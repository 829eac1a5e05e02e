/**
 * One run of `socifyr`: argv in, exit code out. It never calls process.exit and never throws: every
 * failure becomes one line on stderr and a documented exit code (see errors.ts).
 */
import { DEFAULT_API_URL, Socifyr, type SocifyrOptions } from '@socifyr/sdk';
import { parseArgv, stringOption } from './args.js';
import type { Command, CommandContext } from './commands/command.js';
import { COMMANDS } from './commands/index.js';
import { configFilePath, readConfigFile } from './config-file.js';
import { CliError, describeFailure, ExitCode, type ExitCodeValue, type FailureContext } from './errors.js';
import { renderHelp } from './help.js';
import { assertWellFormedKey } from './key-check.js';
import { type OutputStreams, renderJson } from './output.js';
import { describeSource, type ResolvedSettings, resolveSettings } from './settings.js';

export interface CliOptions {
  streams: OutputStreams;
  /** The environment to read SOCIFYR_* and XDG_CONFIG_HOME from. */
  env: Record<string, string | undefined>;
  /** The user's home folder (the config file is under it unless XDG_CONFIG_HOME says otherwise). */
  homeDir: string;
  /** Printed by --version. */
  version: string;
  /** Makes the SDK client (default: `new Socifyr(options)`). */
  createClient?: (options: SocifyrOptions) => Socifyr;
  /** The command table (default: every command). */
  commands?: readonly Command[];
}

/** Runs one command line (argv without `node` and the script) and resolves to its exit code. */
export async function runCli(argv: readonly string[], options: CliOptions): Promise<ExitCodeValue> {
  const { streams, env, homeDir } = options;
  const commands = options.commands ?? COMMANDS;
  let settings: ResolvedSettings | undefined;
  try {
    const parsed = parseArgv(argv, commands);
    if (parsed.kind === 'version') {
      streams.stdout(`${options.version}\n`);
      return ExitCode.ok;
    }
    if (parsed.kind === 'help') {
      streams.stdout(`${renderHelp(parsed.topic, commands)}\n`);
      return ExitCode.ok;
    }

    const { values } = parsed;
    const configPath = configFilePath(env, homeDir);
    const getSettings = () => {
      settings ??= resolveSettings({
        flags: {
          key: stringOption(values, 'key'),
          workspace: stringOption(values, 'workspace'),
          apiUrl: stringOption(values, 'api-url'),
        },
        env,
        file: readConfigFile(configPath),
        configPath,
      });
      return settings;
    };
    let client: Socifyr | undefined;
    let workspaceId: Promise<string> | undefined;
    const json = values.json === true;

    const context: CommandContext = {
      values,
      args: parsed.args,
      env,
      json,
      configPath,
      settings: getSettings,
      client() {
        client ??= makeClient(getSettings(), options.createClient ?? ((o) => new Socifyr(o)));
        return client;
      },
      workspaceId() {
        workspaceId ??= resolveWorkspaceId(context);
        return workspaceId;
      },
      print(data, render) {
        const text = json ? renderJson(data) : render(data);
        if (text) streams.stdout(text.endsWith('\n') ? text : `${text}\n`);
      },
      stdout: (text) => streams.stdout(text),
      note: (line) => streams.stderr(`socifyr: ${line}\n`),
    };
    await parsed.command.run(context);
    return ExitCode.ok;
  } catch (error) {
    const failure = describeFailure(error, failureContext(settings));
    streams.stderr(`socifyr: ${failure.message}\n`);
    return failure.exitCode;
  }
}

function makeClient(settings: ResolvedSettings, create: (options: SocifyrOptions) => Socifyr): Socifyr {
  const { apiKey, workspaceId, apiUrl } = settings;
  if (!apiKey) {
    throw CliError.auth(
      'No API key. Give --key, set SOCIFYR_API_KEY, or run socifyr configure --key sk_… --workspace ws_….',
    );
  }
  assertWellFormedKey(apiKey.value, describeSource(apiKey.source));
  try {
    return create({
      apiKey: apiKey.value,
      ...(workspaceId && { workspaceId: workspaceId.value }),
      ...(apiUrl && { apiUrl: apiUrl.value }),
    });
  } catch (error) {
    throw CliError.auth(
      `Cannot use the API key from ${describeSource(apiKey.source)}: ${(error as Error).message}`,
    );
  }
}

/** The configured workspace, else the key's own one: with a key, auth.me() lists exactly that one. */
async function resolveWorkspaceId(context: CommandContext): Promise<string> {
  const configured = context.settings().workspaceId;
  if (configured) return configured.value;
  const me = await context.client().auth.me();
  const own = me.workspaces[0];
  if (!own) throw CliError.usage('The key has no workspace. Give --workspace or set SOCIFYR_WORKSPACE_ID.');
  return own.id;
}

function failureContext(settings: ResolvedSettings | undefined): FailureContext {
  if (!settings) return {};
  const apiUrl = settings.apiUrl
    ? `${settings.apiUrl.value} (from ${describeSource(settings.apiUrl.source)})`
    : DEFAULT_API_URL;
  return {
    apiUrl,
    ...(settings.apiKey && { keySource: describeSource(settings.apiKey.source) }),
  };
}

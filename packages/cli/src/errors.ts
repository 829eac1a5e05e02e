/**
 * Every way the command can fail, as an exit code and one line for people. This file is the one table
 * from failures (our own and the SDK's) to exit codes; nothing else decides one.
 */

import { keyHint } from '@socifyr/keys';
import { SocifyrError } from '@socifyr/sdk';

/** The documented exit codes of `socifyr`. */
export const ExitCode = {
  ok: 0,
  /** Unknown command or option, a missing or bad argument, or the server refused the input (400, 404, 409). */
  usage: 1,
  /** A missing or malformed key, or the server said 401 or 403. */
  auth: 2,
  /** The server failed (5xx), could not be reached or did not answer in time, or kept saying 429. */
  server: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the command knows how to explain: its message is printed as is, after `socifyr: `. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
  }

  /** The command line is wrong: unknown command or option, missing or bad argument. */
  static usage(message: string): CliError {
    return new CliError(message, ExitCode.usage);
  }

  /** The key is missing or malformed, so nothing was sent. */
  static auth(message: string): CliError {
    return new CliError(message, ExitCode.auth);
  }
}

/**
 * The exit code for an HTTP status from the SDK (0 = the request never got an answer: network error,
 * timeout). A 429 reaches us only after the SDK's retries, so it is a server-side failure to the caller.
 */
export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 0 || status === 429 || status >= 500) return ExitCode.server;
  return ExitCode.usage;
}

/** What the failure line may add to point at the fix: where the key and the API URL came from. */
export interface FailureContext {
  /** e.g. "SOCIFYR_API_KEY", "the --key flag", "the config file ~/.config/socifyr/config.json". */
  keySource?: string;
  /** The API URL requests went to, e.g. "http://localhost:8101/api (from SOCIFYR_API_URL)". */
  apiUrl?: string;
}

export interface Failure {
  exitCode: ExitCodeValue;
  /** One line, without the `socifyr: ` prefix and without a newline. */
  message: string;
}

/** Turns anything thrown by a command into an exit code and one line that says what to do. */
export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: oneLine(error.message) };
  if (error instanceof SocifyrError) {
    return { exitCode: exitCodeForStatus(error.status), message: oneLine(sdkMessage(error, context)) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.usage, message: oneLine(`Unexpected error: ${detail}`) };
}

function sdkMessage(error: SocifyrError, context: FailureContext): string {
  const text = error.message.replace(/\.+$/, '');
  const setUrl = 'Set the URL with --api-url, SOCIFYR_API_URL or socifyr configure.';
  if (error.status === 0) {
    const where = context.apiUrl ? ` Is the API at ${context.apiUrl} reachable?` : '';
    return `${text}.${where} ${setUrl}`;
  }
  // A success status without the API's envelope: the URL points at something else (a web page).
  if (error.status < 400) return `${text}. ${setUrl}`;
  if (error.status === 401) {
    const check = context.keySource ? `Check ${context.keySource}` : 'Check SOCIFYR_API_KEY';
    return `${text} (401). ${check} or run socifyr configure.`;
  }
  if (error.status === 429) return `${text} (429). Try again in a moment.`;
  return `${text} (${error.status}).`;
}

const KEY_LIKE = /sk_[0-9A-Za-z]{8,}/g;

/**
 * Flattens a message to one line and replaces anything that looks like a key with its hint, so a
 * message can never print a key, whatever produced it.
 */
export function oneLine(message: string): string {
  return message
    .replace(KEY_LIKE, (key) => keyHint(key))
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

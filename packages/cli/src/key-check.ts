/** Refuses a malformed key before it is saved or sent, with a message that says what is wrong with it. */
import { keyHint, parseKey } from '@socifyr/keys';
import { CliError } from './errors.js';

/**
 * Throws a CliError (exit code 2) when `key` does not have the shape or the checksum of an API key.
 * The message shows only the key's hint, never the key.
 *
 * @param from where the key came from, e.g. "SOCIFYR_API_KEY" or "the --key flag"
 */
export function assertWellFormedKey(key: string, from: string): void {
  const parsed = parseKey(key);
  if (parsed.ok) return;
  const shown = key.startsWith('sk_') && key.length > 12 ? ` (${keyHint(key)})` : '';
  const why =
    parsed.reason === 'checksum'
      ? 'its checksum does not match, so a character is wrong or missing; copy it again'
      : 'a key is sk_ followed by 64 lowercase hex characters';
  throw CliError.auth(`The API key from ${from}${shown} is malformed: ${why}.`);
}

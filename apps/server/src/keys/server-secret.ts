/**
 * The server secret that key digests are keyed with. It lives outside the database: from
 * SOCIFYR_KEY_SECRET, or generated once into the data folder (mode 0600) on the embedded default.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { KEY_SECRET_MIN_LENGTH } from '../config.js';

export const KEY_SECRET_FILE_NAME = 'key-secret';

export interface ResolvedSecret {
  secret: string;
  source: 'environment' | 'file' | 'generated';
  file?: string;
}

/** A key-secret file that cannot be used; the message names the file and what to do. */
export class KeySecretFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeySecretFileError';
  }
}

/**
 * The secret from SOCIFYR_KEY_SECRET, else from the data folder's key-secret file, else a new one
 * written there. A file holding less than KEY_SECRET_MIN_LENGTH characters is refused, never used.
 */
export function resolveKeySecret(keySecret: string | undefined, dataDir: string): ResolvedSecret {
  if (keySecret !== undefined) return { secret: keySecret, source: 'environment' };
  const file = join(dataDir, KEY_SECRET_FILE_NAME);
  const existing = readSecretFile(file);
  if (existing !== undefined) return { secret: existing, source: 'file', file };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  const stored = createSecretFile(file, secret);
  return stored === secret ? { secret, source: 'generated', file } : { secret: stored, source: 'file', file };
}

/** The secret in `file`, or undefined when there is no such file. */
function readSecretFile(file: string): string | undefined {
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (secret.length < KEY_SECRET_MIN_LENGTH) {
    throw new KeySecretFileError(
      `the key secret file ${file} ${secret.length === 0 ? 'is empty' : `holds only ${secret.length} characters`}, ` +
        `but a key secret has at least ${KEY_SECRET_MIN_LENGTH}: restore the file from your backup, or set ` +
        'SOCIFYR_KEY_SECRET to the secret; if no API key was made yet, delete the file and a new secret is generated',
    );
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return secret;
}

/**
 * Writes `secret` to `file` unless another process did first, and returns the secret the file holds.
 * The secret is written in full to a private temporary file, then hard-linked into place: the link
 * either appears complete or fails with EEXIST, so a process starting at the same moment never
 * reads a half-written (empty) file, and exactly one secret wins.
 */
export function createSecretFile(file: string, secret: string): string {
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, `${secret}\n`);
      fsyncSync(fd); // on disk before it becomes visible, so a power cut cannot leave an empty key-secret
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecretFile(file);
    if (winner === undefined) throw error; // created and removed again meanwhile: nothing sane to use
    return winner;
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * The server secret that key digests are keyed with. It lives outside the database: from
 * SOCIFYR_KEY_SECRET, or generated once into the data folder (mode 0600) on the embedded default.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_SECRET_FILE_NAME = 'key-secret';

export interface ResolvedSecret {
  secret: string;
  source: 'environment' | 'file' | 'generated';
  file?: string;
}

export function resolveKeySecret(keySecret: string | undefined, dataDir: string): ResolvedSecret {
  if (keySecret !== undefined) return { secret: keySecret, source: 'environment' };
  const file = join(dataDir, KEY_SECRET_FILE_NAME);
  try {
    const secret = readFileSync(file, 'utf8').trim();
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { secret, source: 'file', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  // 'wx' fails if another process created the file first; then use theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveKeySecret(undefined, dataDir);
    throw error;
  }
  return { secret, source: 'generated', file };
}

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSecretFile,
  KEY_SECRET_FILE_NAME,
  KeySecretFileError,
  resolveKeySecret,
} from './server-secret.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'socifyr-secret-'));

describe('resolveKeySecret', () => {
  it('prefers SOCIFYR_KEY_SECRET and writes nothing', () => {
    const dir = tempDir();
    expect(resolveKeySecret('s'.repeat(40), dir)).toEqual({ secret: 's'.repeat(40), source: 'environment' });
    expect(() => statSync(join(dir, KEY_SECRET_FILE_NAME))).toThrow();
  });

  it('generates a secret once into the data folder with mode 0600, then reuses it', () => {
    const dir = join(tempDir(), 'nested');
    const first = resolveKeySecret(undefined, dir);
    expect(first.source).toBe('generated');
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, KEY_SECRET_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${first.secret}\n`);
    const second = resolveKeySecret(undefined, dir);
    expect(second).toMatchObject({ source: 'file', secret: first.secret });
    // The temporary file it was written through is gone.
    expect(readdirSync(dir)).toEqual([KEY_SECRET_FILE_NAME]);
  });

  it('tightens a secret file that others can read', () => {
    const dir = tempDir();
    const file = join(dir, KEY_SECRET_FILE_NAME);
    writeFileSync(file, 'a'.repeat(64), { mode: 0o644 });
    expect(resolveKeySecret(undefined, dir).secret).toBe('a'.repeat(64));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('a'.repeat(64));
  });

  it.each([
    ['empty', '', /is empty, but/],
    ['only whitespace', ' \n', /is empty, but/],
    ['short', 'too-short-secret\n', /holds only 16 characters, but/],
  ])('refuses a %s secret file, naming it and saying what to do', (_, content, detail) => {
    const dir = tempDir();
    const file = join(dir, KEY_SECRET_FILE_NAME);
    writeFileSync(file, content, { mode: 0o600 });
    let error: unknown;
    try {
      resolveKeySecret(undefined, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeySecretFileError);
    const message = (error as Error).message;
    expect(message).toContain(`the key secret file ${file} `);
    expect(message).toMatch(detail);
    expect(message).toMatch(
      /a key secret has at least 32: restore the file from your backup, or set SOCIFYR_KEY_SECRET to the secret; if no API key was made yet, delete the file/,
    );
    expect(message).not.toContain('\n');
    // Refused, not replaced: the operator decides.
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('ignores a temporary file left behind by a process that crashed while creating the secret', () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${KEY_SECRET_FILE_NAME}.4242-000000000000.tmp`), '', { mode: 0o600 });
    const generated = resolveKeySecret(undefined, dir);
    expect(generated.source).toBe('generated');
    expect(resolveKeySecret(undefined, dir).secret).toBe(generated.secret);
  });
});

describe('createSecretFile: two processes creating the secret at the same moment', () => {
  // The loser is the process that found no file, generated its own secret, and links it in after the
  // winner did: it must take the winner's secret, or keys would be hashed under two different secrets.
  it('the second writer gets the first one’s secret, and the file holds it', () => {
    const dir = tempDir();
    const file = join(dir, KEY_SECRET_FILE_NAME);
    const winner = 'w'.repeat(64);
    expect(createSecretFile(file, winner)).toBe(winner);
    expect(createSecretFile(file, 'l'.repeat(64))).toBe(winner);
    expect(readFileSync(file, 'utf8')).toBe(`${winner}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([KEY_SECRET_FILE_NAME]);
  });

  it('two resolves in the same tick agree on one secret', async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([
      Promise.resolve().then(() => resolveKeySecret(undefined, dir)),
      Promise.resolve().then(() => resolveKeySecret(undefined, dir)),
    ]);
    expect(a.secret).toBe(b.secret);
    expect([a.source, b.source].sort()).toEqual(['file', 'generated']);
  });
});

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_SECRET_FILE_NAME, resolveKeySecret } from './server-secret.js';

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
    const second = resolveKeySecret(undefined, dir);
    expect(second).toMatchObject({ source: 'file', secret: first.secret });
  });

  it('tightens a secret file that others can read', () => {
    const dir = tempDir();
    const file = join(dir, KEY_SECRET_FILE_NAME);
    writeFileSync(file, 'a'.repeat(64), { mode: 0o644 });
    expect(resolveKeySecret(undefined, dir).secret).toBe('a'.repeat(64));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('a'.repeat(64));
  });
});

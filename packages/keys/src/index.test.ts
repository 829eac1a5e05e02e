import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  crc32Hex,
  generateKey,
  isWellFormedKey,
  KEY_LENGTH,
  keyDigest,
  keyHint,
  parseKey,
} from './index.js';

const HEX = '0123456789abcdef';
const fixedRandom = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) & 0xff);

describe('crc32', () => {
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) is the IEEE check value', (input, expected) => {
    expect(crc32(input)).toBe(expected);
  });

  it('pads the hex form to 8 characters', () => {
    expect(crc32Hex('')).toBe('00000000');
    expect(crc32Hex('123456789')).toBe('cbf43926');
  });
});

describe('generateKey', () => {
  it('is sk_ + 56 random hex + the CRC-32 of everything before', () => {
    const key = generateKey();
    expect(key).toMatch(/^sk_[0-9a-f]{64}$/);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(key.slice(-8)).toBe(crc32Hex(key.slice(0, -8)));
  });

  it('uses the random source it is given', () => {
    const expectedBody = `sk_${Buffer.from(fixedRandom(28)).toString('hex')}`;
    expect(generateKey(fixedRandom)).toBe(expectedBody + crc32Hex(expectedBody));
  });

  it('does not repeat itself', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateKey()));
    expect(keys.size).toBe(1000);
  });
});

describe('parseKey', () => {
  const valid = generateKey(fixedRandom);

  it('accepts a generated key', () => {
    expect(parseKey(valid)).toEqual({ ok: true, key: valid });
    expect(isWellFormedKey(valid)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['prefix only', 'sk_'],
    ['no prefix', valid.slice(3)],
    ['wrong prefix', `pk_${valid.slice(3)}`],
    ['upper-case hex', valid.toUpperCase()],
    ['upper-case prefix', `SK_${valid.slice(3)}`],
    ['one character short', valid.slice(0, -1)],
    ['one character long', `${valid}0`],
    ['surrounding whitespace', ` ${valid} `],
    ['non-hex character', `${valid.slice(0, 10)}g${valid.slice(11)}`],
    ['unicode look-alike', `${valid.slice(0, 10)}а${valid.slice(11)}`],
  ])('rejects %s by shape', (_, candidate) => {
    expect(parseKey(candidate)).toEqual({ ok: false, reason: 'shape' });
  });

  it('rejects a well-shaped key whose checksum does not match', () => {
    const body = valid.slice(0, -8);
    const wrong = body + (crc32(body) ^ 1).toString(16).padStart(8, '0');
    expect(parseKey(wrong)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects every single-character change to a valid key', () => {
    const alphabet = `${HEX}_skSKxz -.…`;
    let changes = 0;
    for (let i = 0; i < valid.length; i++) {
      for (const replacement of alphabet) {
        if (replacement === valid[i]) continue;
        const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
        const result = parseKey(changed);
        expect(result.ok, `position ${i} → ${replacement}`).toBe(false);
        changes++;
      }
    }
    expect(changes).toBeGreaterThan(valid.length * 15);
  });

  it('rejects every adjacent transposition that changes the key', () => {
    for (let i = 3; i < valid.length - 1; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(parseKey(swapped).ok, `swap at ${i}`).toBe(false);
    }
  });
});

describe('keyHint', () => {
  it('shows the prefix, four characters, an ellipsis and the last four', () => {
    const key = `sk_4b737840${'0'.repeat(48)}9e1b`;
    expect(keyHint(key)).toBe('sk_4b73…9e1b');
  });
});

describe('keyDigest', () => {
  const key = generateKey(fixedRandom);

  it('is HMAC-SHA-256 of the full key under the secret, in hex', () => {
    const expected = createHmac('sha256', 'server-secret').update(key).digest('hex');
    expect(keyDigest('server-secret', key)).toBe(expected);
    expect(keyDigest('server-secret', key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the secret and contains no part of the key', () => {
    const a = keyDigest('secret-a', key);
    const b = keyDigest('secret-b', key);
    expect(a).not.toBe(b);
    expect(a).not.toContain(key.slice(3, 19));
  });
});

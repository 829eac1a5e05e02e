import { describe, expect, it } from 'vitest';
import { isIdOf, newId } from './ids.js';

describe('newId', () => {
  it('has the prefix, 12 hex of time and 16 hex of randomness', () => {
    const id = newId('key', 0x0193f3c2a1b2);
    expect(id).toMatch(/^key_[0-9a-f]{28}$/);
    expect(isIdOf('key', id)).toBe(true);
    expect(isIdOf('ws', id)).toBe(false);
  });

  it('increases strictly, even within one millisecond or when the clock steps back', () => {
    const now = Date.now() + 10_000;
    const ids = [
      newId('post', now),
      newId('post', now),
      newId('post', now),
      newId('post', now - 5000),
      newId('post', now + 1),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    '',
    'key_',
    'key_0193f3c2a1b2',
    `key_${'g'.repeat(28)}`,
    `key_${'0'.repeat(29)}`,
    `KEY_${'0'.repeat(28)}`,
  ])('isIdOf refuses %j', (value) => {
    expect(isIdOf('key', value)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { lengthCounter, textLength, tooLongProblem } from './text-length';

describe('textLength', () => {
  it('counts an emoji as one character, as the API does', () => {
    expect(textLength('ab')).toBe(2);
    expect(textLength('🔑 key')).toBe(5);
  });
});

describe('lengthCounter', () => {
  it('says how many of the allowed characters are used', () => {
    expect(lengthCounter('Production', 100)).toBe('10 / 100 characters');
    expect(lengthCounter('', 10_000)).toBe('0 / 10,000 characters');
  });
});

describe('tooLongProblem', () => {
  it('is quiet up to the limit', () => {
    expect(tooLongProblem('x'.repeat(100), 100)).toBeNull();
  });

  it('says by how much a longer value is over', () => {
    expect(tooLongProblem('x'.repeat(101), 100)).toBe(
      'Use at most 100 characters: this has 101, 1 too many.',
    );
  });
});

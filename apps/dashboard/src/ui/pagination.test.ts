import { describe, expect, it } from 'vitest';
import { pageCount, rangeText } from './pagination';

describe('pageCount', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [45, 10, 5],
  ])('%i items by %i → %i pages', (total, limit, pages) => {
    expect(pageCount(total, limit)).toBe(pages);
  });
});

describe('rangeText', () => {
  it('says which items a page shows', () => {
    expect(rangeText(1, 20, 45)).toBe('1–20 of 45');
    expect(rangeText(3, 20, 45)).toBe('41–45 of 45');
  });

  it('says nothing is shown past the end', () => {
    expect(rangeText(4, 20, 45)).toBe('0 of 45');
    expect(rangeText(1, 20, 0)).toBe('0 of 0');
  });
});

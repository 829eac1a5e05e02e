import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../api/types';
import { handleProblem, PLATFORM_OPTIONS, platformLabel, previewSlug } from './platforms';

describe('platforms', () => {
  it('offers all 10 platforms of the API, each with a name', () => {
    expect(PLATFORM_OPTIONS.map((option) => option.value)).toEqual([...PLATFORMS]);
    expect(PLATFORM_OPTIONS).toHaveLength(10);
    expect(platformLabel('linkedin')).toBe('LinkedIn');
    expect(platformLabel('myspace')).toBe('myspace');
  });

  it('previews the slug the server makes: lower case, without the @', () => {
    expect(previewSlug('x', '@Brand.Co')).toBe('x-brand.co');
    expect(previewSlug('youtube', ' my_channel ')).toBe('youtube-my_channel');
  });

  it.each([
    ['@brand', null],
    ['brand.co_2-x', null],
    ['', 'Enter the account name on the platform, e.g. @brand.'],
    ['@', 'Enter the account name on the platform, e.g. @brand.'],
    ['my brand', 'Use only letters, digits, dots, underscores and hyphens (a leading @ is fine).'],
    ['brand@x', 'Use only letters, digits, dots, underscores and hyphens (a leading @ is fine).'],
  ])('handle %j → %j', (handle, problem) => {
    expect(handleProblem(handle)).toBe(problem);
  });
});

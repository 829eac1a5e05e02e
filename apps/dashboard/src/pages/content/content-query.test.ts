import { describe, expect, it } from 'vitest';
import { contentSearch, parseContentQuery } from './content-query';

const parse = (search: string) => parseContentQuery(new URLSearchParams(search));

describe('parseContentQuery', () => {
  it('reads status, page and limit', () => {
    expect(parse('status=scheduled&page=3&limit=50')).toEqual({ status: 'scheduled', page: 3, limit: 50 });
  });

  it('defaults to every post, page 1, 20 per page', () => {
    expect(parse('')).toEqual({ status: 'all', page: 1, limit: 20 });
  });

  it.each([
    'status=deleted',
    'page=0',
    'page=-2',
    'page=1.5',
    'page=two',
    'limit=0',
    'limit=101',
    'limit=9e1',
  ])('falls back to the default for %s', (search) => {
    expect(parse(search)).toEqual({ status: 'all', page: 1, limit: 20 });
  });
});

describe('contentSearch', () => {
  it('leaves out defaults', () => {
    expect(contentSearch({ status: 'all', page: 1, limit: 20 }).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    const query = { status: 'draft', page: 2, limit: 10 } as const;
    expect(parse(contentSearch(query).toString())).toEqual(query);
  });
});

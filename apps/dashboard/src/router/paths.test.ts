import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths.signIn / paths.signUp', () => {
  it('are bare without a return path or an email', () => {
    expect(paths.signIn()).toBe('/sign-in');
    expect(paths.signUp(undefined, '')).toBe('/sign-up');
  });

  it('carry the return path and the email, encoded', () => {
    const next = '/invitations/accept?token=abc&email=ada%40example.com';
    const url = new URL(paths.signIn(next, 'ada+1@example.com'), 'http://x');
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('next')).toBe(next);
    expect(url.searchParams.get('email')).toBe('ada+1@example.com');
    expect(new URL(paths.signUp(next), 'http://x').searchParams.get('next')).toBe(next);
  });
});

import { describe, expect, it } from 'vitest';
import { invitationLink } from './invitation-link';

describe('invitationLink', () => {
  it('opens the accept page with the token and the invited address, both encoded', () => {
    const link = invitationLink('https://socifyr.example', { token: 'a+b/c', email: 'sam+x@example.com' });
    expect(link).toBe(
      'https://socifyr.example/invitations/accept?token=a%2Bb%2Fc&email=sam%2Bx%40example.com',
    );
    const url = new URL(link);
    expect(url.searchParams.get('token')).toBe('a+b/c');
    expect(url.searchParams.get('email')).toBe('sam+x@example.com');
  });
});

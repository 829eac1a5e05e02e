import { describe, expect, it } from 'vitest';
import { checkSignIn, checkSignUp, emailProblem } from './auth-checks';

describe('emailProblem', () => {
  it.each(['ada@example.com', '  ada@example.com ', 'a.b+c@mail.example.org'])('accepts %s', (email) => {
    expect(emailProblem(email)).toBeNull();
  });

  it('asks for an address when there is none', () => {
    expect(emailProblem('  ')).toBe('Enter your email address.');
  });

  it.each(['ada', 'ada@', '@example.com', 'ada@example', 'ada @example.com', 'a@b@c.com'])(
    'refuses %s',
    (email) => {
      expect(emailProblem(email)).toBe('Enter a whole email address, e.g. ada@example.com.');
    },
  );
});

describe('checkSignUp', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(checkSignUp({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' })).toEqual(
      { name: null, email: null, password: null },
    );
  });

  it('says what each empty field needs', () => {
    expect(checkSignUp({ name: ' ', email: '', password: '' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter your email address.',
      password: 'Choose a password of at least 10 characters.',
    });
  });

  it('says how long the password is when it is too short', () => {
    expect(checkSignUp({ name: 'Ada', email: 'ada@example.com', password: 'short' }).password).toBe(
      'Use at least 10 characters: this password has 5.',
    );
    expect(
      checkSignUp({ name: 'Ada', email: 'ada@example.com', password: '0123456789' }).password,
    ).toBeNull();
  });
});

describe('checkSignIn', () => {
  it('needs an email address and a password', () => {
    expect(checkSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(checkSignIn({ email: 'ada@example.com', password: 'x' })).toEqual({ email: null, password: null });
  });
});

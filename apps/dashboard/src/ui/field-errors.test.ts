import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { asSentence, leadingField, splitFieldErrors } from './field-errors';

const validation = (...messages: string[]) => new ApiError(400, messages, '/api/auth/signup');
const SIGN_UP = ['name', 'email', 'password'] as const;

describe('leadingField', () => {
  it.each([
    ['name should not be empty', 'name'],
    ['password must NOT have fewer than 10 characters', 'password'],
    ['email must match format "email"', 'email'],
    ['connections[0] must be a string', 'connections'],
    ['roleKey must be one of: ADMIN, EDITOR', 'roleKey'],
    ['An account with this email already exists', null],
    ['Invalid email or password', null],
    ['email', null],
  ])('%s → %s', (message, field) => {
    expect(leadingField(message)).toBe(field);
  });
});

describe('asSentence', () => {
  it('starts with a capital and ends with a full stop', () => {
    expect(asSentence('name should not be empty')).toBe('Name should not be empty.');
    expect(asSentence('Already a sentence.')).toBe('Already a sentence.');
  });
});

describe('splitFieldErrors', () => {
  it('puts each validation message next to the field it names', () => {
    const split = splitFieldErrors(
      validation(
        'email must match format "email"',
        'password must NOT have fewer than 10 characters',
        'name should not be empty',
      ),
      SIGN_UP,
    );
    expect(split.byField).toEqual({
      name: 'Name should not be empty.',
      email: 'Email must match format "email".',
      password: 'Password must NOT have fewer than 10 characters.',
    });
    expect(split.rest).toEqual([]);
  });

  it('joins two messages about one field', () => {
    const split = splitFieldErrors(
      validation('name should not be blank', 'name must be at most 100 characters'),
      SIGN_UP,
    );
    expect(split.byField.name).toBe('Name should not be blank. Name must be at most 100 characters.');
  });

  it('keeps messages that name no field of the form for the alert, in order', () => {
    const split = splitFieldErrors(
      validation('property admin should not exist', 'email must be an email address', 'label is required'),
      SIGN_UP,
    );
    expect(split.byField).toEqual({ email: 'Email must be an email address.' });
    expect(split.rest).toEqual(['property admin should not exist', 'label is required']);
  });

  it('leaves other failures whole', () => {
    const conflict = new ApiError(409, ['An account with this email already exists'], '/api/auth/signup');
    expect(splitFieldErrors(conflict, SIGN_UP)).toEqual({
      byField: {},
      rest: ['An account with this email already exists'],
    });
    expect(splitFieldErrors(new Error('Could not reach the server.'), SIGN_UP).rest).toEqual([
      'Could not reach the server.',
    ]);
  });

  it('has nothing to say without an error', () => {
    expect(splitFieldErrors(null, SIGN_UP)).toEqual({ byField: {}, rest: [] });
  });
});

/**
 * What the sign-up and sign-in forms catch before a request (an empty field, an address without a domain, a
 * short password), with a sentence that says what to do. The server checks again and is the authority; these
 * only spare a round trip for obvious mistakes.
 */
import { textLength } from '../../ui/text-length';

/** The server's minimum (API.md); said up front so nobody has to learn it from an error. */
export const PASSWORD_MIN_LENGTH = 10;
/** The server's maximum for a person's name. */
export const NAME_MAX_LENGTH = 100;

/** The shape the server accepts: something, @, something with a dot in it; no spaces. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SignUpField = 'name' | 'email' | 'password';
export type SignInField = 'email' | 'password';
export const SIGN_UP_FIELDS: readonly SignUpField[] = ['name', 'email', 'password'];
export const SIGN_IN_FIELDS: readonly SignInField[] = ['email', 'password'];

export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Enter your email address.';
  if (!EMAIL_SHAPE.test(trimmed)) return 'Enter a whole email address, e.g. ada@example.com.';
  return null;
}

export function checkSignUp(input: { name: string; email: string; password: string }) {
  const length = textLength(input.password);
  return {
    name: input.name.trim() ? null : 'Enter your name.',
    email: emailProblem(input.email),
    password:
      length === 0
        ? `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`
        : length < PASSWORD_MIN_LENGTH
          ? `Use at least ${PASSWORD_MIN_LENGTH} characters: this password has ${length}.`
          : null,
  } satisfies Record<SignUpField, string | null>;
}

export function checkSignIn(input: { email: string; password: string }) {
  return {
    email: emailProblem(input.email),
    password: input.password ? null : 'Enter your password.',
  } satisfies Record<SignInField, string | null>;
}

import { describe, expect, it } from 'vitest';
import { bootstrapProblems } from './bootstrap.js';

const valid = { email: 'ci@example.com', password: 'a long ci password' };

// The same sentences POST /api/auth/signup and POST /api/workspaces answer with for the same values.
describe('bootstrapProblems', () => {
  it('accepts what sign-up accepts', () => {
    expect(bootstrapProblems(valid)).toEqual([]);
    expect(bootstrapProblems({ ...valid, email: '  Ci@Example.com ', workspace: 'CI 🚀' })).toEqual([]);
  });

  it.each([
    [{ password: 'short' }, ['password must be at least 10 characters']],
    [{ password: 'p'.repeat(513) }, ['password must be at most 512 characters']],
    [{ email: 'not-an-email' }, ['email must be an email address, e.g. ada@example.com']],
    [{ email: 'ci\u0000@example.com' }, ['email must be an email address, e.g. ada@example.com']],
    [{ workspace: '' }, ['workspace should not be empty']],
    [{ workspace: '   ' }, ['workspace should not be blank']],
    [{ workspace: 'w'.repeat(101) }, ['workspace must be at most 100 characters']],
    [{ workspace: 'CI\u0000' }, ['workspace must be valid Unicode text without null characters (\\u0000)']],
    [{ workspace: 'CI \uD83D' }, ['workspace must be valid Unicode text without null characters (\\u0000)']],
    [
      { email: 'nope', password: 'short' },
      ['email must be an email address, e.g. ada@example.com', 'password must be at least 10 characters'],
    ],
  ])('refuses %j with the API’s sentences', (change, problems) => {
    expect(bootstrapProblems({ ...valid, ...change })).toEqual(problems);
  });
});

import { describe, expect, it } from 'vitest';
import { FakeClock, signUp, useHarness } from '../test/harness.js';
import { SESSION_TTL_MS } from './sessions.js';

const DAY_MS = 24 * 60 * 60_000;
const clock = new FakeClock('2030-01-01T00:00:00.000Z');
const h = useHarness(() => ({ clock: clock.reset() }));

const signIn = (email: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: 'correct horse battery' },
  });
const sessionsOf = async (userId: string) =>
  (
    await h.db
      .selectFrom('sessions')
      .select('created_at')
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute()
  ).map((row) => row.created_at);

describe('sessions', () => {
  it('a sign-in deletes that user’s expired sessions and keeps their live ones and everyone else’s', async () => {
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    clock.advance(10 * DAY_MS);
    expect((await signIn(ada.email)).statusCode).toBe(200);
    expect(await sessionsOf(ada.userId)).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-11T00:00:00.000Z']);

    // Ada's first session ends exactly now (it no longer signs anyone in); her second lives on.
    clock.advance(SESSION_TTL_MS - 10 * DAY_MS);
    expect((await h.app.inject({ url: '/api/auth/me', headers: { cookie: ada.cookie } })).statusCode).toBe(
      401,
    );
    expect((await signIn(ada.email)).statusCode).toBe(200);
    expect(await sessionsOf(ada.userId)).toEqual(['2030-01-11T00:00:00.000Z', '2030-01-31T00:00:00.000Z']);
    // Bob's expired session goes when Bob next signs in, not before.
    expect(await sessionsOf(bob.userId)).toEqual(['2030-01-01T00:00:00.000Z']);
    expect((await signIn(bob.email)).statusCode).toBe(200);
    expect(await sessionsOf(bob.userId)).toEqual(['2030-01-31T00:00:00.000Z']);
  });
});

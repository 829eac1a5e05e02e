/**
 * What the content suites share: a harness on a clock the tests move, so "newest first" and "in the
 * future" are decided by the test and not by chance, and helpers that connect accounts and create posts.
 */
import type { Db } from '../db/tables.js';
import { rateLimitPolicy } from '../limits/rate-limiter.js';
import { FakeClock, type Headers, type Person, sessionHeaders, useHarness } from '../test/harness.js';

export const START = '2030-01-01T00:00:00.000Z';
export const FUTURE = '2030-02-01T09:00:00.000Z';

/**
 * A fresh harness for every test, its clock back at START, and the helpers bound to it. `db`, when
 * given, supplies the database of each test (the caller makes and closes it).
 */
export function useContentHarness({ db }: { db?: () => Db } = {}) {
  const clock = new FakeClock(START);
  const h = useHarness(() => ({
    clock: clock.reset(),
    policy: rateLimitPolicy(1000, 100_000),
    ...(db ? { db: db() } : {}),
  }));

  /** Connects `platform`/`handle` to `person`'s own workspace; returns the connection's slug. */
  async function connect(person: Person, handle = 'brand', platform = 'x'): Promise<string> {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/workspaces/${person.workspaceId}/connections`,
      headers: sessionHeaders(person),
      payload: { platform, handle },
    });
    if (response.statusCode !== 201) throw new Error(`connect failed: ${response.body}`);
    return response.json().data.slug;
  }

  /** Creates a post one second after the previous one. */
  async function createPost(headers: Headers, payload: Record<string, unknown>) {
    clock.advance(1000);
    return h.app.inject({ method: 'POST', url: '/api/content/text', headers, payload });
  }

  /** Creates a post (as createPost) that must succeed; returns its id. */
  async function postId(headers: Headers, payload: Record<string, unknown>): Promise<string> {
    const response = await createPost(headers, payload);
    if (response.statusCode !== 201) throw new Error(`create post failed: ${response.body}`);
    return response.json().data.id;
  }

  return { h, clock, connect, createPost, postId };
}

/**
 * lastUsedAt: recorded on every authenticated request without a write on the request path, shown at
 * once by a list on the same server, written by the recorder in one UPDATE per key per flush, and
 * kept across a graceful restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '../db/database.js';
import {
  createHarness,
  createKey,
  FakeClock,
  type Harness,
  keyHeaders,
  listKeys,
  type Person,
  sessionHeaders,
  signUp,
} from './harness.js';
import { ON_POSTGRES } from './test-stores.js';

/** The API's view: what a person sees in Settings → API Keys. */
async function listedLastUsed(h: Harness, person: Person, keyId: string): Promise<string | null> {
  const key = (await listKeys(h.app, person)).find((k) => k.id === keyId);
  expect(key, `key ${keyId} is listed`).toBeDefined();
  return key!.lastUsedAt;
}

/** The database's view: the column the recorder writes. */
async function storedLastUsed(h: Harness, keyId: string): Promise<string | null> {
  const row = await h.db
    .selectFrom('api_keys')
    .select('last_used_at')
    .where('id', '=', keyId)
    .executeTakeFirstOrThrow();
  return row.last_used_at;
}

const use = (h: Harness, plaintext: string, url = '/api/auth/me') =>
  h.app.inject({ url, headers: keyHeaders(plaintext) });

/** Test-only trigger that logs every write of api_keys.last_used_at, one row per row updated. */
async function countLastUsedWrites(h: Harness): Promise<() => Promise<Record<string, number>>> {
  await sql`create table test_last_used_writes (key_id text not null, at text)`.execute(h.db);
  if (ON_POSTGRES) {
    await sql`create function test_log_last_used() returns trigger language plpgsql as $$
      begin insert into test_last_used_writes values (new.id, new.last_used_at); return new; end $$`.execute(
      h.db,
    );
    await sql`create trigger test_count_last_used after update of last_used_at on api_keys
      for each row execute function test_log_last_used()`.execute(h.db);
  } else {
    await sql`create trigger test_count_last_used after update of last_used_at on api_keys
      begin insert into test_last_used_writes values (new.id, new.last_used_at); end`.execute(h.db);
  }
  return async () => {
    const { rows } = await sql<{ key_id: string; n: number }>`
      select key_id, count(*) as n from test_last_used_writes group by key_id`.execute(h.db);
    return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
  };
}

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

describe('lastUsedAt', () => {
  it('is null before use, and a list on the same server shows a use at once, before any write', async () => {
    const clock = new FakeClock();
    h = await createHarness({ clock, lastUsedFlushIntervalMs: 3_600_000 });
    const ada = await signUp(h.app, 'Ada');
    const { plaintext, key } = await createKey(h.app, ada);
    expect(await listedLastUsed(h, ada, key.id)).toBeNull();

    clock.advance(5_000);
    const usedAt = clock.iso();
    expect((await use(h, plaintext)).statusCode).toBe(200);
    clock.advance(5_000);

    expect(await listedLastUsed(h, ada, key.id)).toBe(usedAt);
    // Not written yet: the request path did not touch the database.
    expect(await storedLastUsed(h, key.id)).toBeNull();

    await h.app.socifyr.recorder.flush();
    expect(await storedLastUsed(h, key.id)).toBe(usedAt);
    expect(await listedLastUsed(h, ada, key.id)).toBe(usedAt);
  });

  it('many requests between two flushes cause one UPDATE of the row, with the time of the last one', async () => {
    const clock = new FakeClock();
    h = await createHarness({ clock, lastUsedFlushIntervalMs: 3_600_000 });
    const writes = await countLastUsedWrites(h);
    const ada = await signUp(h.app, 'Ada');
    const a = await createKey(h.app, ada, ada.workspaceId, 'A');
    const b = await createKey(h.app, ada, ada.workspaceId, 'B');
    const unused = await createKey(h.app, ada, ada.workspaceId, 'never used');

    let lastA = '';
    for (let i = 0; i < 25; i++) {
      clock.advance(150); // stays under 10 requests per second
      expect((await use(h, a.plaintext)).statusCode).toBe(200);
      lastA = clock.iso();
      if (i % 5 === 0) expect((await use(h, b.plaintext)).statusCode).toBe(200);
    }
    expect(await writes()).toEqual({});

    await h.app.socifyr.recorder.flush();
    expect(await writes()).toEqual({ [a.key.id]: 1, [b.key.id]: 1 });
    expect(await storedLastUsed(h, a.key.id)).toBe(lastA);
    expect(await storedLastUsed(h, unused.key.id)).toBeNull();

    // Nothing new to write: a flush writes nothing.
    await h.app.socifyr.recorder.flush();
    expect(await writes()).toEqual({ [a.key.id]: 1, [b.key.id]: 1 });

    clock.advance(60_000);
    await use(h, a.plaintext);
    await h.app.socifyr.recorder.flush();
    expect(await writes()).toEqual({ [a.key.id]: 2, [b.key.id]: 1 });
    expect(await storedLastUsed(h, a.key.id)).toBe(clock.iso());
  });

  it('is written by the recorder on its own within one flush interval (1 s), with nobody calling flush', async () => {
    // Only the interval timer is faked, so the test moves time instead of sleeping.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = await createHarness();
    const ada = await signUp(h.app, 'Ada');
    const { plaintext, key } = await createKey(h.app, ada);
    expect((await use(h, plaintext)).statusCode).toBe(200);

    vi.advanceTimersByTime(999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await storedLastUsed(h, key.id)).toBeNull();

    vi.advanceTimersByTime(1);
    const harness = h;
    await vi.waitFor(async () => expect(await storedLastUsed(harness, key.id)).not.toBeNull());
    expect(await storedLastUsed(h, key.id)).toBe(await listedLastUsed(h, ada, key.id));
  });

  // On PostgreSQL the same is shown with real server processes (e2e/scale.test.ts).
  it.skipIf(ON_POSTGRES)(
    'survives a graceful restart: close writes what is pending, a new server lists the same time',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'socifyr-last-used-'));
      try {
        const clock = new FakeClock();
        const db1 = await openSqlite({ dataDir });
        const first = await createHarness({ db: db1, clock, lastUsedFlushIntervalMs: 3_600_000 });
        const ada = await signUp(first.app, 'Ada');
        const { plaintext, key } = await createKey(first.app, ada);
        clock.advance(1_234);
        expect((await use(first, plaintext)).statusCode).toBe(200);
        const shown = await listedLastUsed(first, ada, key.id);
        expect(shown).toBe(clock.iso());
        expect(await storedLastUsed(first, key.id)).toBeNull();
        await first.app.close(); // graceful shutdown; no explicit flush
        await db1.destroy();

        const db2 = await openSqlite({ dataDir });
        const second = await createHarness({ db: db2, clock });
        try {
          expect(await listedLastUsed(second, ada, key.id)).toBe(shown);
          expect(await storedLastUsed(second, key.id)).toBe(shown);
        } finally {
          await second.close();
          await db2.destroy();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  // Decision: a request that authenticated with the key counts as a use even when it is then refused
  // (wrong workspace, an action keys may not perform). "Unused keys" means keys nobody presents any more;
  // a key still being sent by some service is in use, and deleting it would break that service.
  it.each([
    [
      'a wrong X-Workspace-Id (403)',
      403,
      (p: string, other: string) => ({ url: '/api/workspaces', headers: keyHeaders(p, other) }),
    ],
    [
      'a session-only action (403)',
      403,
      (p: string) => ({
        method: 'POST' as const,
        url: '/api/workspaces',
        headers: keyHeaders(p),
        payload: { name: 'X' },
      }),
    ],
    [
      'a bad body (400)',
      400,
      (p: string) => ({
        method: 'POST' as const,
        url: '/api/content/text',
        headers: keyHeaders(p),
        payload: {},
      }),
    ],
  ])('counts a refused but authenticated request as a use: %s', async (_title, status, request) => {
    const clock = new FakeClock();
    h = await createHarness({ clock, lastUsedFlushIntervalMs: 3_600_000 });
    const ada = await signUp(h.app, 'Ada');
    const bob = await signUp(h.app, 'Bob');
    const { plaintext, key } = await createKey(h.app, ada);
    clock.advance(10_000);
    expect((await h.app.inject(request(plaintext, bob.workspaceId))).statusCode).toBe(status);
    expect(await listedLastUsed(h, ada, key.id)).toBe(clock.iso());
  });

  it('does not count requests that failed to authenticate: a deleted key, a near miss of a real key', async () => {
    const clock = new FakeClock();
    h = await createHarness({ clock, lastUsedFlushIntervalMs: 3_600_000 });
    const ada = await signUp(h.app, 'Ada');
    const keep = await createKey(h.app, ada, ada.workspaceId, 'kept');
    const gone = await createKey(h.app, ada, ada.workspaceId, 'deleted');
    await h.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${ada.workspaceId}/api-keys/${gone.key.id}`,
      headers: sessionHeaders(ada),
    });
    expect((await use(h, gone.plaintext)).statusCode).toBe(401);
    expect((await use(h, keep.plaintext.slice(0, -1))).statusCode).toBe(401);
    await h.app.socifyr.recorder.flush();
    expect(await listedLastUsed(h, ada, keep.key.id)).toBeNull();
    expect(await storedLastUsed(h, keep.key.id)).toBeNull();
  });
});

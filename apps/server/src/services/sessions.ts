/**
 * Server-side sessions: the cookie holds a random token, the table holds its SHA-256. Sessions seen
 * recently are remembered in memory, so a signed-in person costs no read per request and is never held
 * back by the failed-authentication throttle of a shared address (as a known valid key is not).
 */
import { LRUCache } from 'lru-cache';
import { type Clock, isoNow } from '../clock.js';
import type { Db } from '../db/tables.js';
import { DEGRADED_CACHE_TTL_MS, type EventBus } from '../events/bus.js';
import { newId } from '../ids.js';
import { newToken, tokenHash } from '../tokens.js';

/** A session lasts 30 days from sign-in. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;

/** How long a session read from the store is trusted without reading it again: 60 seconds. */
export const SESSION_CACHE_TTL_MS = 60_000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

export interface LiveSession {
  sessionId: string;
  userId: string;
}

export class SessionService {
  private readonly known = new LRUCache<string, LiveSession & { expiresAtMs: number; storedAtMs: number }>({
    max: SESSION_CACHE_MAX_ENTRIES,
    ttl: SESSION_CACHE_TTL_MS,
  });
  /** Sessions ended while a read of them may have been in flight; they never enter the cache again. */
  private readonly ended = new LRUCache<string, true>({
    max: SESSION_CACHE_MAX_ENTRIES,
    ttl: SESSION_CACHE_TTL_MS,
  });

  /** Bumped when every cached session must be read again; a read begun before is not cached after. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {
    bus.subscribe((event) => {
      if (event.type === 'session-ended') this.ended.set(event.sessionId, true);
      else if (event.type === 'everything') {
        this.known.clear();
        this.generation += 1;
      }
    });
  }

  /**
   * Starts a session; the returned token goes into the cookie and nowhere else. The user's expired
   * sessions are deleted on the way, so the table holds no more than each user's live ones.
   */
  async create(userId: string): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = newToken();
    const now = this.clock.now();
    await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('expires_at', '<=', new Date(now).toISOString())
      .execute();
    await this.db
      .insertInto('sessions')
      .values({
        id: newId('ses', now),
        token_hash: tokenHash(token),
        user_id: userId,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + SESSION_TTL_MS).toISOString(),
      })
      .execute();
    return { token, maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000) };
  }

  /** The session for a cookie token if it is known to be live, without reading the store. */
  peek(token: string): LiveSession | undefined {
    const hash = tokenHash(token);
    const entry = this.known.get(hash);
    if (!entry) return undefined;
    const now = this.clock.now();
    const tooOld = !this.bus.connected && now - entry.storedAtMs > DEGRADED_CACHE_TTL_MS;
    if (tooOld || this.ended.has(entry.sessionId) || entry.expiresAtMs <= now) {
      this.known.delete(hash);
      return undefined;
    }
    return { sessionId: entry.sessionId, userId: entry.userId };
  }

  /** The live session for a cookie token, if any: from memory when known, else from the store. */
  async find(token: string): Promise<LiveSession | undefined> {
    const known = this.peek(token);
    if (known) return known;
    const hash = tokenHash(token);
    const generation = this.generation;
    const row = await this.db
      .selectFrom('sessions')
      .select(['id', 'user_id', 'expires_at'])
      .where('token_hash', '=', hash)
      .where('expires_at', '>', isoNow(this.clock))
      .executeTakeFirst();
    if (!row) return undefined;
    const session = { sessionId: row.id, userId: row.user_id };
    if (!this.ended.has(row.id) && generation === this.generation)
      this.known.set(hash, {
        ...session,
        expiresAtMs: Date.parse(row.expires_at),
        storedAtMs: this.clock.now(),
      });
    return session;
  }

  /** Ends a session on every server: it fails from the next request on. */
  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await this.bus.publish({ type: 'session-ended', sessionId });
  }
}

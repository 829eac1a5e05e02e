/** Server-side sessions: the cookie holds a random token, the table holds its SHA-256. */
import { type Clock, isoNow } from '../clock.js';
import type { Db } from '../db/tables.js';
import { newId } from '../ids.js';
import { newToken, tokenHash } from '../tokens.js';

/** A session lasts 30 days from sign-in. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;

export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

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

  /** The live session for a cookie token, if any. */
  async find(token: string): Promise<{ sessionId: string; userId: string } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .where('token_hash', '=', tokenHash(token))
      .where('expires_at', '>', isoNow(this.clock))
      .executeTakeFirst();
    return row && { sessionId: row.id, userId: row.user_id };
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }
}

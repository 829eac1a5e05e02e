/**
 * Records when each key was last used without writing on the request path: uses are collected in
 * memory and written in one batched UPDATE per flush interval (and on shutdown). Until a use is
 * written, `pendingFor` lets a list on this server show it anyway.
 */

import type { FastifyBaseLogger } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, systemClock } from '../clock.js';
import type { Db } from '../db/tables.js';

/** How often pending uses are written: 1 second, the most `lastUsedAt` may lag on another server. */
export const LAST_USED_FLUSH_INTERVAL_MS = 1000;
/**
 * Flush interval when servers share PostgreSQL: 500 ms. Other servers read lastUsedAt from the database
 * only, and a use just after a flush must reach them within 1 s, flush time and timer drift included.
 */
export const SHARED_LAST_USED_FLUSH_INTERVAL_MS = 500;
/** Keys per UPDATE statement, to stay well under both dialects' parameter limits. */
const FLUSH_BATCH_SIZE = 300;

export interface LastUsedRecorderOptions {
  db: Db;
  logger: FastifyBaseLogger;
  clock?: Clock;
  flushIntervalMs?: number;
}

export class LastUsedRecorder {
  /** Key id → time of its newest use not yet written, in epoch ms (formatted only when written or listed). */
  private pending = new Map<string, number>();
  private inFlight = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly db: Db;
  private readonly logger: FastifyBaseLogger;
  private readonly clock: Clock;
  private readonly flushIntervalMs: number;

  constructor({
    db,
    logger,
    clock = systemClock,
    flushIntervalMs = LAST_USED_FLUSH_INTERVAL_MS,
  }: LastUsedRecorderOptions) {
    this.db = db;
    this.logger = logger;
    this.clock = clock;
    this.flushIntervalMs = flushIntervalMs;
  }

  /** Notes a use of the key now. Costs a Map write; nothing touches the database. */
  touch(keyId: string): void {
    this.pending.set(keyId, this.clock.now());
  }

  /** The newest use of the key not yet written, if any. */
  pendingFor(keyId: string): string | undefined {
    const at = this.pending.get(keyId) ?? this.inFlight.get(keyId);
    return at === undefined ? undefined : new Date(at).toISOString();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  /** Writes every pending use; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    this.inFlight = this.pending;
    this.pending = new Map();
    const entries = [...this.inFlight];
    try {
      for (let i = 0; i < entries.length; i += FLUSH_BATCH_SIZE) {
        await this.writeBatch(entries.slice(i, i + FLUSH_BATCH_SIZE));
      }
    } catch (error) {
      this.logger.error({ err: error, keys: entries.length }, 'could not record key last use; will retry');
      for (const [id, at] of entries) if (!this.pending.has(id)) this.pending.set(id, at);
    } finally {
      this.inFlight = new Map();
    }
  }

  /** One UPDATE for many keys; never moves a timestamp backwards (another server may have written a later one). */
  private async writeBatch(entries: [string, number][]): Promise<void> {
    const cases: RawBuilder<unknown>[] = entries.map(([id, atMs]) => {
      const at = new Date(atMs).toISOString();
      return sql`when id = ${id} and (last_used_at is null or last_used_at < ${at}) then ${at}`;
    });
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: sql<string>`case ${sql.join(cases, sql` `)} else last_used_at end` })
      .where(
        'id',
        'in',
        entries.map(([id]) => id),
      )
      .execute();
  }
}

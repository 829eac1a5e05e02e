/**
 * In-process cache of what verifying a key needs: digest → key facts, and (workspace, user) → current role.
 *
 * Invalidation must win every race with a concurrent store read. Each entry is stamped with the
 * invalidation sequence number current when its read *started*; each invalidation leaves a tombstone
 * with a newer number. An entry whose read started before a matching tombstone is dropped, so a key
 * read just before its delete committed can never be served after the invalidation went by.
 */
import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../clock.js';
import type { RoleKey } from '../db/tables.js';
import { DEGRADED_CACHE_TTL_MS, type Invalidation } from '../events/bus.js';

/** How long a verified key or role stays cached without any invalidation: 5 minutes. */
export const KEY_CACHE_TTL_MS = 5 * 60_000;
/** How long an unknown digest is remembered, so floods of made-up keys cost one lookup each per window. */
export const NEGATIVE_CACHE_TTL_MS = 30_000;
/** Keys and roles held at most; least recently used go first. */
export const KEY_CACHE_MAX_ENTRIES = 100_000;
/** Tombstones kept at most; past that the oldest are folded into a floor that drops older entries. */
export const TOMBSTONES_MAX = 100_000;

export interface CachedKey {
  id: string;
  workspaceId: string;
  createdByUserId: string;
  label: string;
  hint: string;
  /** The workspace's tier, which chooses the key's rate limits. */
  tier: string;
}

interface Stamped<T> {
  value: T;
  /** Invalidation sequence number when the store read began. */
  readSeq: number;
  /** When the entry was stored, for the short lifetime that applies while invalidations may be missed. */
  storedAtMs: number;
}

export interface VerificationCacheOptions {
  ttlMs?: number;
  negativeTtlMs?: number;
  maxEntries?: number;
  maxTombstones?: number;
  /** Ages tombstones; default the system clock. */
  clock?: Clock;
  /**
   * True while invalidations from other servers may not arrive (the shared bus is down): entries are
   * then served for at most DEGRADED_CACHE_TTL_MS. Default: never.
   */
  degraded?: () => boolean;
}

export class VerificationCache {
  private readonly keys: LRUCache<string, Stamped<CachedKey | null>>;
  private readonly roles: LRUCache<string, Stamped<RoleKey | null>>;
  private readonly tombstones = new Map<string, { seq: number; atMs: number }>();
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly maxTombstones: number;
  private readonly clock: Clock;
  private readonly degraded: () => boolean;
  private seq = 0;
  /** Entries read before this sequence number predate pruned tombstones and are not trusted. */
  private floorSeq = 0;

  constructor({
    ttlMs = KEY_CACHE_TTL_MS,
    negativeTtlMs = NEGATIVE_CACHE_TTL_MS,
    maxEntries = KEY_CACHE_MAX_ENTRIES,
    maxTombstones = TOMBSTONES_MAX,
    clock = systemClock,
    degraded = () => false,
  }: VerificationCacheOptions = {}) {
    this.ttlMs = ttlMs;
    this.degraded = degraded;
    this.maxTombstones = maxTombstones;
    this.clock = clock;
    this.negativeTtlMs = negativeTtlMs;
    this.keys = new LRUCache({ max: maxEntries, ttl: ttlMs });
    this.roles = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  /** Call before reading the store; pass the result to `setKey`/`setRole` afterwards. */
  beginRead(): number {
    return this.seq;
  }

  /** The cached key for a digest, `null` if known to be unknown, `undefined` on a miss. */
  getKey(digest: string): CachedKey | null | undefined {
    const entry = this.keys.get(digest);
    if (entry === undefined) return undefined;
    if (
      this.tooOld(entry) ||
      (entry.value !== null &&
        this.isStale(entry.readSeq, `k:${entry.value.id}`, `w:${entry.value.workspaceId}`))
    ) {
      this.keys.delete(digest);
      return undefined;
    }
    return entry.value;
  }

  setKey(digest: string, value: CachedKey | null, readSeq: number): void {
    if (value !== null && this.isStale(readSeq, `k:${value.id}`, `w:${value.workspaceId}`)) return;
    const entry = { value, readSeq, storedAtMs: this.clock.now() };
    this.keys.set(digest, entry, value === null ? { ttl: this.negativeTtlMs } : {});
  }

  /** The member's current role, `null` if they are not a member, `undefined` on a miss. */
  getRole(workspaceId: string, userId: string): RoleKey | null | undefined {
    const id = `${workspaceId}:${userId}`;
    const entry = this.roles.get(id);
    if (entry === undefined) return undefined;
    if (this.tooOld(entry) || this.isStale(entry.readSeq, `m:${id}`, `w:${workspaceId}`)) {
      this.roles.delete(id);
      return undefined;
    }
    return entry.value;
  }

  setRole(workspaceId: string, userId: string, role: RoleKey | null, readSeq: number): void {
    const id = `${workspaceId}:${userId}`;
    if (this.isStale(readSeq, `m:${id}`, `w:${workspaceId}`)) return;
    this.roles.set(id, { value: role, readSeq, storedAtMs: this.clock.now() });
  }

  /** Applies an invalidation from the bus: matching entries stop being served at once. */
  invalidate(event: Invalidation): void {
    if (event.type === 'key-deleted') this.tombstone(`k:${event.keyId}`);
    else if (event.type === 'member-changed') this.tombstone(`m:${event.workspaceId}:${event.userId}`);
    else if (event.type === 'workspace-deleted') this.tombstone(`w:${event.workspaceId}`);
    else if (event.type === 'everything') this.distrustAll();
  }

  /** Nothing cached so far, nor any read already under way, is served again. */
  private distrustAll(): void {
    this.seq += 1;
    this.floorSeq = this.seq;
  }

  private tooOld(entry: Stamped<unknown>): boolean {
    return this.degraded() && this.clock.now() - entry.storedAtMs > DEGRADED_CACHE_TTL_MS;
  }

  private tombstone(id: string): void {
    this.seq += 1;
    const now = this.clock.now();
    this.tombstones.delete(id);
    this.tombstones.set(id, { seq: this.seq, atMs: now });
    for (const [oldest, stone] of this.tombstones) {
      const expired = now - stone.atMs > this.ttlMs;
      if (!expired && this.tombstones.size <= this.maxTombstones) break;
      // An entry read before a pruned tombstone can no longer be checked against it, so distrust it.
      if (!expired) this.floorSeq = Math.max(this.floorSeq, stone.seq);
      this.tombstones.delete(oldest);
    }
  }

  private isStale(readSeq: number, ...ids: string[]): boolean {
    if (readSeq < this.floorSeq) return true;
    return ids.some((id) => (this.tombstones.get(id)?.seq ?? 0) > readSeq);
  }
}

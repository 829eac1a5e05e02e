/**
 * API keys: create (the only place a plaintext exists), list, delete, and verify (the hot path).
 * Expected negative outcomes of verification are results, not exceptions.
 */
import { generateKey, keyDigest, keyHint, parseKey } from '@socifyr/keys';
import type { Actor } from '../auth/actor.js';
import { can, permissionDenied } from '../auth/permissions.js';
import { type Clock, isoNow, systemClock } from '../clock.js';
import type { Db, RoleKey } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import { notFound } from '../http/errors.js';
import { isIdOf, newId } from '../ids.js';
import type { LastUsedRecorder } from './last-used-recorder.js';
import type { CachedKey, VerificationCache } from './verification-cache.js';

export interface KeyView {
  id: string;
  label: string;
  hint: string;
  workspaceId: string;
  createdBy: { userId: string; email: string; name: string };
  /** The creator's role now; null when the key is inactive. */
  roleKey: RoleKey | null;
  status: 'active' | 'inactive';
  createdAt: string;
  lastUsedAt: string | null;
}

export type VerifyResult =
  | { ok: true; key: CachedKey; roleKey: RoleKey }
  | { ok: false; reason: 'malformed' | 'unknown' | 'inactive' | 'throttled' };

export interface VerifyOptions {
  /**
   * Asked before a key that is not cached is read from the store; answering false refuses the key as
   * 'throttled' without the read. Keys cached as valid never ask. Default: always read.
   */
  admitStoreRead?: () => Promise<boolean>;
}

/** A store read refused by `admitStoreRead`. */
const THROTTLED = Symbol('throttled');
type Loaded = CachedKey | null | typeof THROTTLED;

export interface KeyServiceOptions {
  db: Db;
  secret: string;
  cache: VerificationCache;
  recorder: LastUsedRecorder;
  bus: EventBus;
  clock?: Clock;
}

export class KeyService {
  private readonly db: Db;
  private readonly secret: string;
  private readonly cache: VerificationCache;
  private readonly recorder: LastUsedRecorder;
  private readonly bus: EventBus;
  private readonly clock: Clock;
  /** Store reads in flight, by digest. */
  /** Reads of keys in flight, each with the invalidation sequence number current when it began. */
  private readonly loading = new Map<string, { load: Promise<Loaded>; readSeq: number }>();

  constructor({ db, secret, cache, recorder, bus, clock = systemClock }: KeyServiceOptions) {
    this.db = db;
    this.secret = secret;
    this.cache = cache;
    this.recorder = recorder;
    this.bus = bus;
    this.clock = clock;
  }

  /** Creates a key acting as `actor`. The returned plaintext must go to the caller and nowhere else. */
  async create(actor: Actor, label: string): Promise<{ plaintext: string; key: KeyView }> {
    const plaintext = generateKey();
    const id = newId('key', this.clock.now());
    await this.db
      .insertInto('api_keys')
      .values({
        id,
        workspace_id: actor.workspaceId,
        created_by_user_id: actor.userId,
        label,
        hint: keyHint(plaintext),
        digest: keyDigest(this.secret, plaintext),
        created_at: isoNow(this.clock),
        last_used_at: null,
      })
      .execute();
    const [key] = await this.listViews(actor.workspaceId, { id });
    return { plaintext, key: key! };
  }

  /** Newest first; members without `keys:manage-any` see only the keys they created. */
  async list(actor: Actor): Promise<KeyView[]> {
    const ownOnly = !can(actor.roleKey, 'keys:manage-any');
    return this.listViews(actor.workspaceId, ownOnly ? { createdBy: actor.userId } : {});
  }

  /** Deletes a key; from the next request on it fails on this server, and on others once the bus delivers. */
  async delete(actor: Actor, keyId: string): Promise<void> {
    // Something that cannot be a key id is not looked up (PostgreSQL refuses e.g. a null byte in text).
    if (!isIdOf('key', keyId)) throw notFound('API key');
    const key = await this.db
      .selectFrom('api_keys')
      .select(['id', 'created_by_user_id'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', keyId)
      .executeTakeFirst();
    if (!key) throw notFound('API key');
    if (key.created_by_user_id !== actor.userId && !can(actor.roleKey, 'keys:manage-any')) {
      throw permissionDenied(actor.roleKey, 'keys:manage-any');
    }
    await this.db
      .deleteFrom('api_keys')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', keyId)
      .execute();
    await this.bus.publish({ type: 'key-deleted', keyId });
  }

  /**
   * Verifies a presented key: shape and checksum first (no I/O), then the digest through the cache,
   * then the creator's current role. Records the use for `lastUsedAt` without a write.
   */
  async verify(presented: string, { admitStoreRead }: VerifyOptions = {}): Promise<VerifyResult> {
    if (!parseKey(presented).ok) return { ok: false, reason: 'malformed' };
    const digest = keyDigest(this.secret, presented);

    let key = this.cache.getKey(digest);
    if (key === undefined) {
      // Concurrent requests with the same uncached key share one read (and one admission): a fleet
      // starting with a new key at once costs one query and is not mistaken for a flood of guesses.
      const loaded = await (this.joinableLoad(digest) ?? this.startLoad(digest, admitStoreRead));
      if (loaded === THROTTLED) return { ok: false, reason: 'throttled' };
      key = loaded;
    }
    if (key === null) return { ok: false, reason: 'unknown' };

    const roleKey = await this.resolveRole(key.workspaceId, key.createdByUserId);
    if (roleKey === null) return { ok: false, reason: 'inactive' };

    this.recorder.touch(key.id);
    return { ok: true, key, roleKey };
  }

  /** The creator's current role in the key's workspace, or null if they are no longer a member. */
  async resolveRole(workspaceId: string, userId: string): Promise<RoleKey | null> {
    const cached = this.cache.getRole(workspaceId, userId);
    if (cached !== undefined) return cached;
    const readSeq = this.cache.beginRead();
    const row = await this.db
      .selectFrom('memberships')
      .select('role_key')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const role = row?.role_key ?? null;
    this.cache.setRole(workspaceId, userId, role, readSeq);
    return role;
  }

  /**
   * A read of this key already under way that a new request may share: only one that began after the last
   * invalidation. One that began before may have read a key deleted since, and a request arriving after
   * the deletion must not be answered from it.
   */
  private joinableLoad(digest: string): Promise<Loaded> | undefined {
    const inFlight = this.loading.get(digest);
    return inFlight && inFlight.readSeq === this.cache.beginRead() ? inFlight.load : undefined;
  }

  /** Registered before its first await, so requests arriving meanwhile join it instead of starting their own. */
  private startLoad(digest: string, admitStoreRead: VerifyOptions['admitStoreRead']): Promise<Loaded> {
    const readSeq = this.cache.beginRead();
    const load: Promise<Loaded> = (async () => {
      if (admitStoreRead && !(await admitStoreRead())) return THROTTLED;
      return this.loadKey(digest);
    })().finally(() => {
      // A newer read may have taken the slot meanwhile; it stays.
      if (this.loading.get(digest)?.load === load) this.loading.delete(digest);
    });
    this.loading.set(digest, { load, readSeq });
    return load;
  }

  /** One indexed query for the key, its workspace's tier and its creator's role; all go into the cache. */
  private async loadKey(digest: string): Promise<CachedKey | null> {
    const readSeq = this.cache.beginRead();
    const row = await keysWithCreatorRole(this.db)
      .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
      .select([
        'api_keys.id',
        'api_keys.workspace_id',
        'api_keys.created_by_user_id',
        'api_keys.label',
        'api_keys.hint',
        'memberships.role_key',
        'workspaces.tier',
      ])
      .where('api_keys.digest', '=', digest)
      .executeTakeFirst();
    if (!row) {
      this.cache.setKey(digest, null, readSeq);
      return null;
    }
    const key: CachedKey = {
      id: row.id,
      workspaceId: row.workspace_id,
      createdByUserId: row.created_by_user_id,
      label: row.label,
      hint: row.hint,
      tier: row.tier,
    };
    this.cache.setKey(digest, key, readSeq);
    this.cache.setRole(key.workspaceId, key.createdByUserId, row.role_key ?? null, readSeq);
    return key;
  }

  private async listViews(
    workspaceId: string,
    filter: { id?: string; createdBy?: string },
  ): Promise<KeyView[]> {
    let query = keysWithCreatorRole(this.db)
      .innerJoin('users', 'users.id', 'api_keys.created_by_user_id')
      .select([
        'api_keys.id',
        'api_keys.label',
        'api_keys.hint',
        'api_keys.workspace_id',
        'api_keys.created_at',
        'api_keys.last_used_at',
        'users.id as user_id',
        'users.email',
        'users.name',
        'memberships.role_key',
      ])
      .where('api_keys.workspace_id', '=', workspaceId)
      .orderBy('api_keys.created_at', 'desc')
      .orderBy('api_keys.id', 'desc');
    if (filter.id !== undefined) query = query.where('api_keys.id', '=', filter.id);
    if (filter.createdBy !== undefined)
      query = query.where('api_keys.created_by_user_id', '=', filter.createdBy);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      hint: row.hint,
      workspaceId: row.workspace_id,
      createdBy: { userId: row.user_id, email: row.email, name: row.name },
      roleKey: row.role_key ?? null,
      status: row.role_key ? 'active' : 'inactive',
      createdAt: row.created_at,
      lastUsedAt: latest(row.last_used_at, this.recorder.pendingFor(row.id)),
    }));
  }
}

/** Keys joined with their creator's membership: `memberships.role_key` is the key's role, null if they left. */
const keysWithCreatorRole = (db: Db) =>
  db
    .selectFrom('api_keys')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'api_keys.workspace_id')
        .onRef('memberships.user_id', '=', 'api_keys.created_by_user_id'),
    );

function latest(stored: string | null, pending: string | undefined): string | null {
  if (pending === undefined) return stored;
  return stored !== null && stored > pending ? stored : pending;
}

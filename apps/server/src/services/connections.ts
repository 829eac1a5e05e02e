/**
 * Connections: the registry of the workspace's social accounts. Posts name them by slug
 * (`<platform>-<handle>`), so a slug is unique within a workspace. This edition does not talk OAuth
 * to the platforms; it only keeps the list.
 */
import type { Actor } from '../auth/actor.js';
import { assertCan } from '../auth/permissions.js';
import { type Clock, isoNow } from '../clock.js';
import { isUniqueViolation } from '../db/database.js';
import type { ConnectionRow, Db } from '../db/tables.js';
import { conflict, notFound } from '../http/errors.js';
import { isIdOf, newId } from '../ids.js';

export const PLATFORMS = [
  'x',
  'linkedin',
  'threads',
  'bluesky',
  'facebook',
  'instagram',
  'reddit',
  'pinterest',
  'tiktok',
  'youtube',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const HANDLE_MAX_LENGTH = 100;
/** The longest slug that can exist: the longest platform, a hyphen and the longest handle. */
export const SLUG_MAX_LENGTH = Math.max(...PLATFORMS.map((p) => p.length)) + 1 + HANDLE_MAX_LENGTH;

export interface ConnectionView {
  id: string;
  slug: string;
  platform: string;
  name: string;
  createdAt: string;
}

export interface CreateConnectionInput {
  platform: Platform;
  /** As typed by the caller; a leading "@" is dropped. */
  handle: string;
  name?: string;
}

const toConnectionView = (row: ConnectionRow): ConnectionView => ({
  id: row.id,
  slug: row.slug,
  platform: row.platform,
  name: row.name,
  createdAt: row.created_at,
});

/** `@Brand.Co` on x → handle `Brand.Co`, slug `x-brand.co`. */
export function connectionSlug(platform: Platform, handle: string): string {
  return `${platform}-${stripAt(handle).toLowerCase()}`;
}

/** Every slug `connectionSlug` can produce has this shape. */
const SLUG_SHAPE = /^[a-z]+-[a-z0-9._-]+$/;

const stripAt = (handle: string) => (handle.startsWith('@') ? handle.slice(1) : handle);

export class ConnectionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Every connection of the workspace, oldest first. */
  async list(actor: Actor): Promise<ConnectionView[]> {
    assertCan(actor.roleKey, 'workspace:read');
    const rows = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toConnectionView);
  }

  /** Registers an account (ADMIN+); 409 when its slug is taken in this workspace. */
  async create(actor: Actor, input: CreateConnectionInput): Promise<ConnectionView> {
    assertCan(actor.roleKey, 'connections:manage');
    const handle = stripAt(input.handle);
    const slug = connectionSlug(input.platform, handle);
    const taken = () => conflict(`Connection "${slug}" already exists`);

    const existing = await this.db
      .selectFrom('connections')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (existing) throw taken();

    const now = this.clock.now();
    const row: ConnectionRow = {
      id: newId('con', now),
      workspace_id: actor.workspaceId,
      slug,
      platform: input.platform,
      handle,
      name: input.name?.trim() || handle,
      created_at: isoNow(this.clock),
    };
    try {
      await this.db.insertInto('connections').values(row).execute();
    } catch (error) {
      // Two creates racing for the same slug: the unique (workspace, slug) constraint decides.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    return toConnectionView(row);
  }

  /** Removes a connection (ADMIN+). Posts that name its slug keep their list as it is. */
  async delete(actor: Actor, connectionId: string): Promise<void> {
    assertCan(actor.roleKey, 'connections:manage');
    // Something that cannot be a connection id is not looked up (PostgreSQL refuses e.g. a null byte in text).
    if (!isIdOf('con', connectionId)) throw notFound('Connection');
    const result = await this.db
      .deleteFrom('connections')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', connectionId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Connection');
  }
}

/**
 * The slugs among `slugs` that no connection of the workspace has, in the order given. Shared with
 * content, whose posts must name existing connections.
 */
export async function unknownConnectionSlugs(
  db: Db,
  workspaceId: string,
  slugs: readonly string[],
): Promise<string[]> {
  // Only slugs that could exist are looked up; that also keeps e.g. a null byte away from PostgreSQL.
  const candidates = slugs.filter((slug) => SLUG_SHAPE.test(slug));
  const rows =
    candidates.length === 0
      ? []
      : await db
          .selectFrom('connections')
          .select('slug')
          .where('workspace_id', '=', workspaceId)
          .where('slug', 'in', candidates)
          .execute();
  const known = new Set(rows.map((r) => r.slug));
  return slugs.filter((slug) => !known.has(slug));
}

/**
 * Content: the workspace's posts. A post names connections by slug and is a draft, scheduled for a
 * future time, or archived. This edition stores and schedules posts; it does not deliver them.
 */

import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { assertCan } from '../auth/permissions.js';
import { type Clock, isoNow } from '../clock.js';
import type { Db, PostRow, PostStatus, Tables } from '../db/tables.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import { isIdOf, newId } from '../ids.js';
import { unknownConnectionSlugs } from './connections.js';
import { assertMayChange, assertMaySchedule } from './content-permissions.js';

export interface PostView {
  id: string;
  text: string;
  connections: string[];
  status: PostStatus;
  scheduledAt: string | null;
  createdBy: { userId: string; apiKeyId: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface ListPostsQuery {
  status?: PostStatus;
  /** 1-based. */
  page: number;
  limit: number;
}

export interface PostPage {
  results: PostView[];
  total: number;
  page: number;
  limit: number;
}

export interface CreatePostInput {
  connections: string[];
  text: string;
  scheduledAt?: string;
}

export interface UpdatePostInput {
  text?: string;
  connections?: string[];
  /** A time schedules the post; null turns it back into a draft. */
  scheduledAt?: string | null;
}

const toPostView = (row: PostRow): PostView => ({
  id: row.id,
  text: row.text,
  connections: JSON.parse(row.connections) as string[],
  status: row.status,
  scheduledAt: row.scheduled_at,
  createdBy: { userId: row.created_by_user_id, apiKeyId: row.created_by_api_key_id },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class ContentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** One page of posts, newest first, optionally of one status. */
  async list(actor: Actor, { status, page, limit }: ListPostsQuery): Promise<PostPage> {
    assertCan(actor.roleKey, 'workspace:read');
    let query = this.db.selectFrom('posts').where('workspace_id', '=', actor.workspaceId);
    if (status) query = query.where('status', '=', status);

    const counted = await query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
    const total = Number(counted.total);
    const offset = (page - 1) * limit;
    // Past the end there is nothing to read; skipping the query also keeps absurd offsets away from the driver.
    if (offset >= total) return { results: [], total, page, limit };

    const rows = await query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return { results: rows.map(toPostView), total, page, limit };
  }

  async get(actor: Actor, postId: string): Promise<PostView> {
    assertCan(actor.roleKey, 'workspace:read');
    return toPostView(await this.find(actor, postId));
  }

  /** A draft, or a scheduled post when `scheduledAt` is given (not for CONTRIBUTOR). */
  async create(actor: Actor, input: CreatePostInput): Promise<PostView> {
    assertCan(actor.roleKey, 'content:create');
    if (input.scheduledAt !== undefined) assertMaySchedule(actor);
    const scheduledAt = await this.checkContent(actor, input);

    const now = isoNow(this.clock);
    const row: PostRow = {
      id: newId('post', this.clock.now()),
      workspace_id: actor.workspaceId,
      text: input.text,
      connections: JSON.stringify(input.connections),
      status: scheduledAt ? 'scheduled' : 'draft',
      scheduled_at: scheduledAt ?? null,
      created_by_user_id: actor.userId,
      created_by_api_key_id: actor.apiKeyId,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('posts').values(row).execute();
    return toPostView(row);
  }

  /** Changes text, connections or schedule; archived posts are frozen. */
  async update(actor: Actor, postId: string, input: UpdatePostInput): Promise<PostView> {
    if (input.text === undefined && input.connections === undefined && input.scheduledAt === undefined) {
      throw new AppError('validation', [
        'Nothing to change: send at least one of text, connections, scheduledAt',
      ]);
    }
    const row = await this.find(actor, postId);
    if (row.status === 'archived') throw conflict('Archived posts cannot be edited');
    assertMayChange(actor, row);
    if (typeof input.scheduledAt === 'string') assertMaySchedule(actor);
    const scheduledAt = await this.checkContent(actor, input);

    const changes: Partial<PostRow> = { updated_at: isoNow(this.clock) };
    if (input.text !== undefined) changes.text = input.text;
    if (input.connections !== undefined) changes.connections = JSON.stringify(input.connections);
    if (input.scheduledAt !== undefined) {
      changes.scheduled_at = scheduledAt ?? null;
      changes.status = scheduledAt ? 'scheduled' : 'draft';
    }
    const updated = await this.db
      .updateTable('posts')
      .set(changes)
      .where(this.asChecked(actor, row))
      .returningAll()
      .executeTakeFirst();
    return toPostView(updated ?? (await this.changedMeanwhile(actor, postId)));
  }

  /** Archives a post; archiving an archived post changes nothing. */
  async archive(actor: Actor, postId: string): Promise<PostView> {
    const row = await this.find(actor, postId);
    if (row.status === 'archived') {
      // Idempotent for whoever could have archived it: a contributor may repeat it on their own post.
      if (row.created_by_user_id !== actor.userId) assertMayChange(actor, row);
      return toPostView(row);
    }
    assertMayChange(actor, row);
    const changes = { status: 'archived' as const, updated_at: isoNow(this.clock) };
    const archived = await this.db
      .updateTable('posts')
      .set(changes)
      .where(this.asChecked(actor, row))
      .returningAll()
      .executeTakeFirst();
    return toPostView(archived ?? (await this.changedMeanwhile(actor, postId)));
  }

  async delete(actor: Actor, postId: string): Promise<void> {
    const row = await this.find(actor, postId);
    assertMayChange(actor, row);
    const result = await this.db.deleteFrom('posts').where(this.asChecked(actor, row)).executeTakeFirst();
    if (result.numDeletedRows === 0n) await this.changedMeanwhile(actor, postId);
  }

  /**
   * Matches `row` only while it is as read and checked. Who may change a post, and whether it is frozen,
   * depend on its status (its author never changes), so a write is made only if the status is still the
   * one checked: an archive or a schedule landing meanwhile makes the write match nothing.
   */
  private asChecked(actor: Actor, row: PostRow) {
    return (eb: ExpressionBuilder<Tables, 'posts'>) =>
      eb.and([
        eb('workspace_id', '=', actor.workspaceId),
        eb('id', '=', row.id),
        eb('status', '=', row.status),
      ]);
  }

  /** The answer when a checked write matched nothing: 404 if the post is gone, else 409. */
  private async changedMeanwhile(actor: Actor, postId: string): Promise<never> {
    await this.find(actor, postId);
    throw conflict(
      'Post was changed by someone else while this request ran; fetch it again and retry if your change still applies',
    );
  }

  private async find(actor: Actor, postId: string): Promise<PostRow> {
    // Something that cannot be a post id is not looked up (PostgreSQL refuses e.g. a null byte in text).
    if (!isIdOf('post', postId)) throw notFound('Post');
    const row = await this.db
      .selectFrom('posts')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', postId)
      .executeTakeFirst();
    if (!row) throw notFound('Post');
    return row;
  }

  /**
   * Checks what the schema cannot: every slug names a connection of the workspace, and a schedule lies
   * in the future. Reports every problem at once; returns `scheduledAt` normalised to UTC with milliseconds.
   */
  private async checkContent(
    actor: Actor,
    input: { connections?: string[]; scheduledAt?: string | null },
  ): Promise<string | undefined> {
    const unknown = await unknownConnectionSlugs(this.db, actor.workspaceId, input.connections ?? []);
    const problems = unknown.map((slug) => `Connection "${slug}" not found`);
    let scheduledAt: string | undefined;
    if (typeof input.scheduledAt === 'string') {
      const ms = Date.parse(input.scheduledAt);
      if (Number.isNaN(ms))
        problems.push('scheduledAt must be an ISO-8601 date-time, e.g. 2030-01-31T09:00:00Z');
      else if (ms <= this.clock.now()) problems.push('scheduledAt must be in the future');
      else scheduledAt = new Date(ms).toISOString();
    }
    if (problems.length > 0) throw new AppError('validation', problems);
    return scheduledAt;
  }
}

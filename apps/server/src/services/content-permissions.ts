/**
 * Who may change a post. OWNER, ADMIN and EDITOR hold 'content:manage-any'; a CONTRIBUTOR may change
 * only their own drafts and may never schedule (API.md, Roles).
 */
import type { Actor } from '../auth/actor.js';
import { can, permissionDenied } from '../auth/permissions.js';
import type { PostRow } from '../db/tables.js';
import { AppError } from '../http/errors.js';

/** Throws 403 naming 'content:manage-any' unless `actor` may edit, archive or delete `post`. */
export function assertMayChange(actor: Actor, post: Pick<PostRow, 'created_by_user_id' | 'status'>): void {
  if (can(actor.roleKey, 'content:manage-any')) return;
  if (post.created_by_user_id === actor.userId && post.status === 'draft') return;
  const denied = permissionDenied(actor.roleKey, 'content:manage-any');
  throw new AppError('forbidden', `${denied.message}; without it you may change only your own drafts`);
}

/** Throws 403 unless `actor` may schedule content. */
export function assertMaySchedule(actor: Actor): void {
  if (can(actor.roleKey, 'content:manage-any')) return;
  throw new AppError(
    'forbidden',
    `Your role ${actor.roleKey} cannot schedule content (that needs the permission "content:manage-any"); leave out scheduledAt to save a draft`,
  );
}

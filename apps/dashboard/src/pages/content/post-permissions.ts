/**
 * What the signed-in person may do to a post (API.md): OWNER, ADMIN and EDITOR change any post; a CONTRIBUTOR
 * only their own drafts and never schedules. Archived posts are frozen (they can still be deleted).
 */
import type { Post } from '../../api/types';
import type { Permission } from '../../session/permissions';

export interface PostActions {
  schedule: boolean;
  archive: boolean;
  delete: boolean;
}

export function postActions(
  post: Post,
  can: (permission: Permission) => boolean,
  userId: string,
): PostActions {
  const mayChange =
    can('content:manage-any') || (post.createdBy.userId === userId && post.status === 'draft');
  return {
    schedule: mayChange && can('content:schedule') && post.status !== 'archived',
    archive: mayChange && post.status !== 'archived',
    delete: mayChange,
  };
}

import { describe, expect, it } from 'vitest';
import type { Post, PostStatus, RoleKey } from '../../api/types';
import { roleCan } from '../../session/permissions';
import { postActions } from './post-permissions';

const post = (status: PostStatus, userId: string): Post => ({
  id: 'post_1',
  text: 'Hello',
  connections: ['x-brand'],
  status,
  scheduledAt: status === 'scheduled' ? '2030-01-01T09:00:00.000Z' : null,
  createdBy: { userId, apiKeyId: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const actions = (role: RoleKey, status: PostStatus, author: 'me' | 'other') =>
  postActions(post(status, author === 'me' ? 'usr_me' : 'usr_other'), (p) => roleCan(role, p), 'usr_me');

describe('postActions', () => {
  it.each<[RoleKey, PostStatus, 'me' | 'other', [boolean, boolean, boolean]]>([
    ['OWNER', 'draft', 'other', [true, true, true]],
    ['ADMIN', 'scheduled', 'other', [true, true, true]],
    ['EDITOR', 'draft', 'other', [true, true, true]],
    ['OWNER', 'archived', 'other', [false, false, true]],
    ['CONTRIBUTOR', 'draft', 'me', [false, true, true]],
    ['CONTRIBUTOR', 'draft', 'other', [false, false, false]],
    ['CONTRIBUTOR', 'scheduled', 'me', [false, false, false]],
    ['CONTRIBUTOR', 'archived', 'me', [false, false, false]],
  ])('%s, %s post by %s: schedule/archive/delete %j', (role, status, author, [schedule, archive, del]) => {
    expect(actions(role, status, author)).toEqual({ schedule, archive, delete: del });
  });
});

/** The shapes the API answers with (see API.md); dates are ISO-8601 strings. */

export const ROLE_KEYS = ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
/** Roles an invitation may grant (never OWNER). */
export const INVITABLE_ROLE_KEYS = ['ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const satisfies readonly RoleKey[];

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

export const POST_STATUSES = ['draft', 'scheduled', 'archived'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** A workspace as listed by /auth/me: with the caller's role in it. */
export interface MyWorkspace {
  id: string;
  name: string;
  roleKey: RoleKey;
}

export interface Me {
  user: User;
  workspaces: MyWorkspace[];
}

export interface Workspace {
  id: string;
  name: string;
  tier: string;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  label: string;
  /** First and last characters, e.g. `sk_4b73…9e1b`. */
  hint: string;
  workspaceId: string;
  createdBy: { userId: string; email: string; name: string };
  /** The creator's role now; null when the key is inactive. */
  roleKey: RoleKey | null;
  status: 'active' | 'inactive';
  createdAt: string;
  lastUsedAt: string | null;
}

/** The create call's answer: the only time the plaintext exists outside the caller's hands. */
export interface CreatedApiKey {
  plaintext: string;
  key: ApiKey;
}

export interface Member {
  id: string;
  userId: string;
  email: string;
  name: string;
  roleKey: RoleKey;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  roleKey: RoleKey;
  expiresAt: string;
  createdAt: string;
}

/** The create call's answer: the token is in this response only. */
export interface CreatedInvitation extends Invitation {
  token: string;
}

export interface Connection {
  id: string;
  /** `<platform>-<handle>`; posts name connections by slug. */
  slug: string;
  platform: Platform;
  name: string;
  createdAt: string;
}

export interface Post {
  id: string;
  text: string;
  connections: string[];
  status: PostStatus;
  scheduledAt: string | null;
  createdBy: { userId: string; apiKeyId: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface PostPage {
  results: Post[];
  total: number;
  page: number;
  limit: number;
}

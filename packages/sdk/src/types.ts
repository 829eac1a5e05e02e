/**
 * The objects the Socifyr API returns and the inputs its routes take, as the SDK hands them over:
 * the `data` of the response envelope. Times are ISO-8601 UTC strings (`2026-01-31T12:00:00.000Z`).
 */

/** A role in a workspace, from most to least powerful. */
export type RoleKey = 'OWNER' | 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR';

/** A role an invitation may grant: every role but `OWNER`. */
export type InvitableRoleKey = Exclude<RoleKey, 'OWNER'>;

/** A social platform a connection belongs to. */
export type Platform =
  | 'x'
  | 'linkedin'
  | 'threads'
  | 'bluesky'
  | 'facebook'
  | 'instagram'
  | 'reddit'
  | 'pinterest'
  | 'tiktok'
  | 'youtube';

/** Where a post is in its life: written, waiting for its time, or put away. */
export type PostStatus = 'draft' | 'scheduled' | 'archived';

/** A person with an account. */
export interface User {
  /** `usr_…` */
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** A workspace as `/auth/me` lists it: with the caller's role in it. */
export interface WorkspaceSummary {
  /** `ws_…` */
  id: string;
  name: string;
  roleKey: RoleKey;
}

/** The key a request was made with, as `/auth/me` describes it (never its plaintext). */
export interface MeApiKey {
  /** `key_…` */
  id: string;
  label: string;
  /** First and last characters, e.g. `sk_4b73…9e1b`. */
  hint: string;
  /** The creator's role now: the role the key acts with. */
  roleKey: RoleKey;
}

/** Who is calling: the person (for a key, its creator), their workspaces and, for a key, the key. */
export interface Me {
  user: User;
  /** For a key: only the key's own workspace. */
  workspaces: WorkspaceSummary[];
  /** Present when the call was made with an API key. */
  apiKey?: MeApiKey;
}

/** A workspace: the unit that owns members, keys, connections and content. */
export interface Workspace {
  /** `ws_…` */
  id: string;
  name: string;
  /** Rate-limit tier, `free` at creation. */
  tier: string;
  createdAt: string;
}

/** A person's membership of a workspace. */
export interface Member {
  /** Membership id, `mem_…` */
  id: string;
  /** `usr_…`: what the member routes take. */
  userId: string;
  email: string;
  name: string;
  roleKey: RoleKey;
  joinedAt: string;
}

/** A pending invitation (the token is only in the create response). */
export interface Invitation {
  /** `inv_…` */
  id: string;
  email: string;
  roleKey: RoleKey;
  expiresAt: string;
  createdAt: string;
}

/** The answer to an invite: the invitation and, only here, the token to give the invited person. */
export interface CreatedInvitation extends Invitation {
  token: string;
}

/** An API key as lists show it: never its plaintext or digest. */
export interface ApiKey {
  /** `key_…` */
  id: string;
  label: string;
  /** First and last characters, e.g. `sk_4b73…9e1b`. */
  hint: string;
  workspaceId: string;
  /** The member the key acts as. */
  createdBy: { userId: string; email: string; name: string };
  /** The creator's role now; `null` when the key is inactive. */
  roleKey: RoleKey | null;
  /** `inactive` once its creator is no longer a member (the key then answers 401). */
  status: 'active' | 'inactive';
  createdAt: string;
  /** Last authenticated request made with it; `null` if never used. */
  lastUsedAt: string | null;
}

/** The answer to creating a key: the plaintext, returned this once and never again, and the key. */
export interface CreatedApiKey {
  /** `sk_…`: store it now (a secrets manager, an environment variable); it cannot be shown again. */
  plaintext: string;
  key: ApiKey;
}

/** A social account registered in a workspace; posts name it by `slug`. */
export interface Connection {
  /** `con_…` */
  id: string;
  /** `<platform>-<handle in lower case>`, e.g. `x-brand`. */
  slug: string;
  platform: Platform;
  name: string;
  createdAt: string;
}

/** A post of a workspace. */
export interface Post {
  /** `post_…` */
  id: string;
  text: string;
  /** Slugs of the connections it goes to. */
  connections: string[];
  status: PostStatus;
  /** When it is to be published; `null` for a draft. */
  scheduledAt: string | null;
  /** Who wrote it, and with which key (`null` when written in the dashboard). */
  createdBy: { userId: string; apiKeyId: string | null };
  createdAt: string;
  updatedAt: string;
}

/** One page of posts, newest first. */
export interface ContentPage {
  results: Post[];
  /** Posts matching the query over all pages. */
  total: number;
  page: number;
  limit: number;
}

/** Filters and paging for `content.list`. */
export interface ContentListQuery {
  /** Only posts in this state; default: every state. */
  status?: PostStatus;
  /** Page number, from 1; default 1. */
  page?: number;
  /** Posts per page, 1–100; default 20. */
  limit?: number;
}

/** A new text post. */
export interface CreateTextPostInput {
  /** Slugs of connections of the workspace, e.g. `['x-brand']`; at least one. */
  connections: string[];
  /** 1–10 000 characters. */
  text: string;
  /** A future time to schedule it (ISO-8601 string or a `Date`); omit for a draft. Not for CONTRIBUTOR. */
  scheduledAt?: string | Date;
}

/** Changes to a post; only the fields given change. */
export interface UpdatePostInput {
  text?: string;
  connections?: string[];
  /** A future time schedules the post; `null` turns it back into a draft. */
  scheduledAt?: string | Date | null;
}

/** A new workspace. */
export interface CreateWorkspaceInput {
  /** 1–100 characters. */
  name: string;
}

/** A workspace's new name. */
export interface UpdateWorkspaceInput {
  /** 1–100 characters. */
  name: string;
}

/** A new connection. */
export interface CreateConnectionInput {
  platform: Platform;
  /** The account name on the platform, e.g. `@brand` (a leading `@` is dropped). */
  handle: string;
  /** Display name, 1–100 characters; default: the handle. */
  name?: string;
}

/** A member's new role. */
export interface UpdateMemberRoleInput {
  roleKey: RoleKey;
}

/** Whom to invite, with which role. */
export interface CreateInvitationInput {
  email: string;
  roleKey: InvitableRoleKey;
}

/** A new API key. */
export interface CreateApiKeyInput {
  /** What the key is for, 1–100 characters, e.g. `"Production backend"`. */
  label: string;
}

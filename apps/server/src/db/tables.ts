/**
 * Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings with milliseconds
 * (`2026-01-31T12:00:00.000Z`) on every dialect: they sort as text and read the same everywhere.
 */
import type { Kysely, Selectable } from 'kysely';

export type RoleKey = 'OWNER' | 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR';
export type PostStatus = 'draft' | 'scheduled' | 'archived';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  tier: string;
  created_at: string;
}

export interface MembershipsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role_key: RoleKey;
  joined_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role_key: RoleKey;
  token_hash: string;
  invited_by_user_id: string;
  expires_at: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  created_by_user_id: string;
  label: string;
  hint: string;
  /** HMAC-SHA-256(server secret, key) in hex. */
  digest: string;
  created_at: string;
  last_used_at: string | null;
}

export interface ConnectionsTable {
  id: string;
  workspace_id: string;
  slug: string;
  platform: string;
  handle: string;
  name: string;
  created_at: string;
}

export interface PostsTable {
  id: string;
  workspace_id: string;
  text: string;
  /** JSON array of connection slugs. */
  connections: string;
  status: PostStatus;
  scheduled_at: string | null;
  created_by_user_id: string;
  created_by_api_key_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export interface Tables {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  connections: ConnectionsTable;
  posts: PostsTable;
}

export type Db = Kysely<Tables>;
export type UserRow = Selectable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ConnectionRow = Selectable<ConnectionsTable>;
export type PostRow = Selectable<PostsTable>;
export type InvitationRow = Selectable<InvitationsTable>;

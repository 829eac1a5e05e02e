import type { RoleKey } from '../db/tables.js';

/**
 * Who is acting, and where: every workspace-scoped service is built from one of these, so every
 * query it runs is filtered by `workspaceId` and checked against `roleKey`.
 */
export interface Actor {
  userId: string;
  workspaceId: string;
  /** The member's role in the workspace now (for a key: its creator's current role). */
  roleKey: RoleKey;
  /** Set when the request was made with an API key. */
  apiKeyId: string | null;
}

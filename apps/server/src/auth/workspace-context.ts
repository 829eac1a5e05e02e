/**
 * Turns an authenticated request into an Actor for one workspace: the path's `:id`, else
 * `X-Workspace-Id`, else the caller's default (a key's own workspace; a person's first workspace).
 * A key may act only in its own workspace (403 otherwise); a person only where they are a member
 * (404 otherwise, so ids of other workspaces reveal nothing).
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/tables.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { isIdOf } from '../ids.js';
import type { KeyService } from '../keys/key-service.js';
import type { Actor } from './actor.js';
import { MESSAGES } from './messages.js';

/** The 403 for a key asked to act outside its one workspace (by path or X-Workspace-Id). */
export const keyOutsideItsWorkspace = (own: string, requested: string) =>
  forbidden(`This API key belongs to workspace ${own} and cannot act in workspace ${requested}`);

export class WorkspaceContext {
  constructor(
    private readonly db: Db,
    private readonly keys: KeyService,
  ) {}

  async actorFor(request: FastifyRequest, pathWorkspaceId?: string): Promise<Actor> {
    const principal = request.principal;
    if (!principal) throw new AppError('unauthenticated', MESSAGES.missing);
    const header = request.headers['x-workspace-id'] as string | undefined;

    if (principal.kind === 'apiKey') {
      const own = principal.key.workspaceId;
      if (pathWorkspaceId !== undefined && pathWorkspaceId !== own)
        throw keyOutsideItsWorkspace(own, pathWorkspaceId);
      return {
        userId: principal.userId,
        workspaceId: own,
        roleKey: principal.roleKey,
        apiKeyId: principal.key.id,
      };
    }

    // An id that cannot be a workspace's is not looked up (PostgreSQL refuses e.g. a null byte in text).
    if (pathWorkspaceId !== undefined && !isIdOf('ws', pathWorkspaceId)) throw notFound('Workspace');
    const workspaceId = pathWorkspaceId ?? header ?? (await this.firstWorkspaceOf(principal.userId));
    const roleKey = await this.keys.resolveRole(workspaceId, principal.userId);
    if (roleKey === null) throw notFound('Workspace');
    return { userId: principal.userId, workspaceId, roleKey, apiKeyId: null };
  }

  private async firstWorkspaceOf(userId: string): Promise<string> {
    const row = await this.db
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', userId)
      .orderBy('joined_at', 'asc')
      .orderBy('id', 'asc')
      .executeTakeFirst();
    if (!row)
      throw new AppError(
        'not_found',
        'You are not a member of any workspace: create one with POST /api/workspaces',
      );
    return row.workspace_id;
  }
}

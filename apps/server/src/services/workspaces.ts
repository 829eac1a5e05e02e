/** Workspaces: create (the creator becomes OWNER), read, rename, delete. */
import type { Actor } from '../auth/actor.js';
import { assertCan } from '../auth/permissions.js';
import type { Clock } from '../clock.js';
import type { Db, WorkspaceRow } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface WorkspaceView {
  id: string;
  name: string;
  tier: string;
  createdAt: string;
}

export const toWorkspaceView = (row: WorkspaceRow): WorkspaceView => ({
  id: row.id,
  name: row.name,
  tier: row.tier,
  createdAt: row.created_at,
});

export class WorkspaceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** Creates a workspace with `userId` as its OWNER. Pass a transaction to make it part of a larger write. */
  async create(userId: string, name: string, db: Db = this.db): Promise<WorkspaceView> {
    const now = this.clock.now();
    const row: WorkspaceRow = {
      id: newId('ws', now),
      name,
      tier: 'free',
      created_at: new Date(now).toISOString(),
    };
    const write = async (trx: Db) => {
      await trx.insertInto('workspaces').values(row).execute();
      await trx
        .insertInto('memberships')
        .values({
          id: newId('mem', now),
          workspace_id: row.id,
          user_id: userId,
          role_key: 'OWNER',
          joined_at: row.created_at,
        })
        .execute();
    };
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    return toWorkspaceView(row);
  }

  /** The workspaces a person belongs to, in the order they joined, with their role in each. */
  async listForUser(userId: string): Promise<(WorkspaceView & { roleKey: string })[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .selectAll('workspaces')
      .select('memberships.role_key')
      .where('memberships.user_id', '=', userId)
      .orderBy('memberships.joined_at', 'asc')
      .orderBy('memberships.id', 'asc')
      .execute();
    return rows.map((row) => ({ ...toWorkspaceView(row), roleKey: row.role_key }));
  }

  async get(actor: Actor): Promise<WorkspaceView> {
    const row = await this.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!row) throw notFound('Workspace');
    return toWorkspaceView(row);
  }

  async rename(actor: Actor, name: string): Promise<WorkspaceView> {
    assertCan(actor.roleKey, 'workspace:rename');
    await this.db.updateTable('workspaces').set({ name }).where('id', '=', actor.workspaceId).execute();
    return this.get(actor);
  }

  /** Deletes the workspace and, by cascade, its members, invitations, keys, connections and posts. */
  async delete(actor: Actor): Promise<void> {
    assertCan(actor.roleKey, 'workspace:delete');
    await this.db.deleteFrom('workspaces').where('id', '=', actor.workspaceId).execute();
    await this.bus.publish({ type: 'workspace-deleted', workspaceId: actor.workspaceId });
  }
}

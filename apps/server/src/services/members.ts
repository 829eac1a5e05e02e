/**
 * Members of a workspace: list, change a role, remove. A workspace always keeps at least one OWNER,
 * and every change is published on the bus so cached roles (and the keys acting with them) follow at once.
 */
import type { Actor } from '../auth/actor.js';
import { assertCan } from '../auth/permissions.js';
import type { Clock } from '../clock.js';
import type { Db, RoleKey } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import { conflict, notFound } from '../http/errors.js';
import { isIdOf } from '../ids.js';

export interface MemberView {
  id: string;
  userId: string;
  email: string;
  name: string;
  roleKey: RoleKey;
  joinedAt: string;
}

const LAST_OWNER_HINT = 'a workspace must keep at least one OWNER; make another member OWNER first';

function membersQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.user_id',
      'memberships.role_key',
      'memberships.joined_at',
      'users.email',
      'users.name',
    ])
    .where('memberships.workspace_id', '=', workspaceId);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof membersQuery>['executeTakeFirstOrThrow']>>;

const toMemberView = (row: MemberRow): MemberView => ({
  id: row.id,
  userId: row.user_id,
  email: row.email,
  name: row.name,
  roleKey: row.role_key,
  joinedAt: row.joined_at,
});

/** One member of a workspace as the API shows it, or undefined when `userId` is not a member. */
export async function findMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MemberView | undefined> {
  const row = await membersQuery(db, workspaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  return row && toMemberView(row);
}

/**
 * Serialises membership changes of one workspace until the transaction ends. A no-op UPDATE takes
 * the workspace row's write lock on PostgreSQL (SQLite serialises every write anyway), so two OWNERs
 * demoting each other at once cannot both pass the "another OWNER remains" check.
 */
async function lockWorkspace(trx: Db, workspaceId: string): Promise<void> {
  await trx
    .updateTable('workspaces')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', workspaceId)
    .execute();
}

async function countOwners(trx: Db, workspaceId: string): Promise<number> {
  const row = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('owners'))
    .where('workspace_id', '=', workspaceId)
    .where('role_key', '=', 'OWNER')
    .executeTakeFirstOrThrow();
  return Number(row.owners);
}

export class MemberService {
  constructor(
    private readonly db: Db,
    // Same (db, clock, bus) signature as every service; membership writes take no times of their own.
    _clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** Every member of the actor's workspace, in the order they joined. */
  async list(actor: Actor): Promise<MemberView[]> {
    assertCan(actor.roleKey, 'workspace:read');
    const rows = await membersQuery(this.db, actor.workspaceId)
      .orderBy('memberships.joined_at', 'asc')
      .orderBy('memberships.id', 'asc')
      .execute();
    return rows.map(toMemberView);
  }

  /** Sets a member's role (ADMIN+; granting OWNER or changing an OWNER needs OWNER). Keys follow at once. */
  async changeRole(actor: Actor, userId: string, roleKey: RoleKey): Promise<MemberView> {
    assertCan(actor.roleKey, 'members:manage');
    await this.db.transaction().execute(async (trx) => {
      await lockWorkspace(trx, actor.workspaceId);
      const target = await this.requireMember(trx, actor.workspaceId, userId);
      if (roleKey === 'OWNER' || target.roleKey === 'OWNER') assertCan(actor.roleKey, 'owners:manage');
      if (
        target.roleKey === 'OWNER' &&
        roleKey !== 'OWNER' &&
        (await countOwners(trx, actor.workspaceId)) <= 1
      ) {
        throw conflict(`Cannot change the role of the last OWNER: ${LAST_OWNER_HINT}`);
      }
      await trx
        .updateTable('memberships')
        .set({ role_key: roleKey })
        .where('workspace_id', '=', actor.workspaceId)
        .where('user_id', '=', userId)
        .execute();
    });
    // Only after the commit: a cache refilled from the store must see the new role.
    await this.bus.publish({ type: 'member-changed', workspaceId: actor.workspaceId, userId });
    return (await findMember(this.db, actor.workspaceId, userId)) ?? this.gone(userId);
  }

  /**
   * Removes a member (ADMIN+, or anyone removing themself; removing an OWNER needs OWNER). Their API keys
   * stay and turn inactive, so they fail from the next request on.
   */
  async remove(actor: Actor, userId: string): Promise<void> {
    if (userId !== actor.userId) assertCan(actor.roleKey, 'members:manage');
    await this.db.transaction().execute(async (trx) => {
      await lockWorkspace(trx, actor.workspaceId);
      const target = await this.requireMember(trx, actor.workspaceId, userId);
      if (target.roleKey === 'OWNER') {
        assertCan(actor.roleKey, 'owners:manage');
        if ((await countOwners(trx, actor.workspaceId)) <= 1) {
          throw conflict(`Cannot remove the last OWNER: ${LAST_OWNER_HINT}, or delete the workspace`);
        }
      }
      await trx
        .deleteFrom('memberships')
        .where('workspace_id', '=', actor.workspaceId)
        .where('user_id', '=', userId)
        .execute();
    });
    await this.bus.publish({ type: 'member-changed', workspaceId: actor.workspaceId, userId });
  }

  private async requireMember(trx: Db, workspaceId: string, userId: string): Promise<MemberView> {
    // Something that cannot be a user id is not looked up (PostgreSQL refuses e.g. a null byte in text).
    if (!isIdOf('usr', userId)) this.gone(userId);
    return (await findMember(trx, workspaceId, userId)) ?? this.gone(userId);
  }

  private gone(userId: string): never {
    throw notFound(`Member ${userId}`);
  }
}

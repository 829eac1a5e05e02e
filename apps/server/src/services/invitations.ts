/**
 * Invitations: an ADMIN+ invites an email with a role (never OWNER); the person signed in with that
 * email accepts with the token. Only the token's SHA-256 is stored; the token exists in one response.
 */
import type { Actor } from '../auth/actor.js';
import { assertCan, INVITABLE_ROLE_KEYS } from '../auth/permissions.js';
import { type Clock, isoNow } from '../clock.js';
import { isUniqueViolation } from '../db/database.js';
import type { Db, InvitationRow, RoleKey } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { isIdOf, newId } from '../ids.js';
import { newToken, tokenHash } from '../tokens.js';
import { normalizeEmail } from './accounts.js';
import { findMember, type MemberView } from './members.js';

/** An invitation can be accepted for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface InvitationView {
  id: string;
  email: string;
  roleKey: RoleKey;
  expiresAt: string;
  createdAt: string;
}

const toInvitationView = (row: InvitationRow): InvitationView => ({
  id: row.id,
  email: row.email,
  roleKey: row.role_key,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
});

const isInvitable = (role: RoleKey): boolean => (INVITABLE_ROLE_KEYS as readonly RoleKey[]).includes(role);

export class InvitationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /**
   * Invites `email` with `roleKey` (ADMIN+). A pending invitation for the same email is replaced, so
   * only the newest token works; expired invitations of the workspace are cleared on the way. The
   * returned token must go to the caller and nowhere else.
   */
  async create(
    actor: Actor,
    input: { email: string; roleKey: RoleKey },
  ): Promise<InvitationView & { token: string }> {
    assertCan(actor.roleKey, 'members:manage');
    // The route's schema already refuses OWNER; this keeps the rule true for every caller of the service.
    if (!isInvitable(input.roleKey)) {
      throw new AppError('validation', [`roleKey must be one of: ${INVITABLE_ROLE_KEYS.join(', ')}`]);
    }
    const email = normalizeEmail(input.email);
    if (await this.isMemberEmail(actor.workspaceId, email)) {
      throw conflict(`${email} is already a member of this workspace; change their role instead`);
    }

    const token = newToken();
    const now = this.clock.now();
    const row: InvitationRow = {
      id: newId('inv', now),
      workspace_id: actor.workspaceId,
      email,
      role_key: input.roleKey,
      token_hash: tokenHash(token),
      invited_by_user_id: actor.userId,
      expires_at: new Date(now + INVITATION_TTL_MS).toISOString(),
      created_at: new Date(now).toISOString(),
    };
    // Nobody can accept these any more; without this the table would only grow.
    await this.db
      .deleteFrom('invitations')
      .where('workspace_id', '=', actor.workspaceId)
      .where('expires_at', '<=', row.created_at)
      .execute();
    // One statement, so two invitations for the same email at once cannot both stay: the unique
    // (workspace_id, email) index makes the later one replace the earlier, token and all.
    await this.db
      .insertInto('invitations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'email']).doUpdateSet((eb) => ({
          id: eb.ref('excluded.id'),
          role_key: eb.ref('excluded.role_key'),
          token_hash: eb.ref('excluded.token_hash'),
          invited_by_user_id: eb.ref('excluded.invited_by_user_id'),
          expires_at: eb.ref('excluded.expires_at'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
    return { ...toInvitationView(row), token };
  }

  /** Pending (unexpired) invitations of the workspace, oldest first, without tokens (ADMIN+). */
  async list(actor: Actor): Promise<InvitationView[]> {
    assertCan(actor.roleKey, 'members:manage');
    const rows = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('expires_at', '>', isoNow(this.clock))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toInvitationView);
  }

  /** Withdraws an invitation (ADMIN+); its token stops working at once. */
  async revoke(actor: Actor, invitationId: string): Promise<void> {
    assertCan(actor.roleKey, 'members:manage');
    // Something that cannot be an invitation id is not looked up (PostgreSQL refuses e.g. a null byte).
    if (!isIdOf('inv', invitationId)) throw notFound(`Invitation ${invitationId}`);
    const result = await this.db
      .deleteFrom('invitations')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', invitationId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(`Invitation ${invitationId}`);
  }

  /**
   * Accepts an invitation for the signed-in person `userId`, whose email must be the invited one.
   * Returns the new membership; the invitation is used up.
   */
  async accept(userId: string, token: string): Promise<MemberView> {
    const invitation = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!invitation) throw notFound('Invitation');
    if (invitation.expires_at <= isoNow(this.clock)) {
      throw badRequest('Invitation has expired; ask an admin for a new one');
    }
    const user = await this.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (user.email !== invitation.email) {
      throw forbidden(
        `This invitation is for ${invitation.email}; sign in as ${invitation.email} to accept it`,
      );
    }

    const workspaceId = invitation.workspace_id;
    const alreadyMember = () => conflict('You are already a member of this workspace');
    if (await findMember(this.db, workspaceId, userId)) throw alreadyMember();
    try {
      await this.db.transaction().execute(async (trx) => {
        // Use the invitation up first, and only if it is still the one read above: one cancelled or
        // replaced (same email, new role) in the meantime must not be accepted with its old role.
        const used = await trx
          .deleteFrom('invitations')
          .where('id', '=', invitation.id)
          .where('token_hash', '=', invitation.token_hash)
          .executeTakeFirst();
        if (used.numDeletedRows === 0n) {
          throw new AppError(
            'not_found',
            'Invitation not found: it was cancelled or replaced while you accepted it',
          );
        }
        await trx
          .insertInto('memberships')
          .values({
            id: newId('mem', this.clock.now()),
            workspace_id: workspaceId,
            user_id: userId,
            role_key: invitation.role_key,
            joined_at: isoNow(this.clock),
          })
          .execute();
      });
    } catch (error) {
      // Two accepts racing for the same person: the unique (workspace, user) constraint decides.
      if (isUniqueViolation(error)) throw alreadyMember();
      throw error;
    }
    // After the commit: the person may have been cached as "not a member" of this workspace.
    await this.bus.publish({ type: 'member-changed', workspaceId, userId });
    const member = await findMember(this.db, workspaceId, userId);
    if (!member) throw notFound('Workspace');
    return member;
  }

  private async isMemberEmail(workspaceId: string, email: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.id')
      .where('memberships.workspace_id', '=', workspaceId)
      .where('users.email', '=', email)
      .executeTakeFirst();
    return row !== undefined;
  }
}

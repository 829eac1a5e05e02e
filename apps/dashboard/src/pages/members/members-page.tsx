/**
 * Settings → Members: who is in the workspace and with which role. ADMIN+ change roles, remove members,
 * invite by email (the link is shown once) and cancel pending invitations; OWNER changes need OWNER.
 * Anyone may leave. The server keeps the last OWNER and says so; its message is shown.
 */
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Invitation, Member } from '../../api/types';
import { paths, useNavigate } from '../../router';
import { useCurrentUser, useSession } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Email } from '../../ui/email';
import { PageHeader } from '../../ui/page';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useRequest } from '../../ui/use-request';
import { ChangeRoleDialog } from './change-role-dialog';
import { InvitationsTable } from './invitations-table';
import { InviteDialog } from './invite-dialog';
import { canChangeRole, canRemove } from './member-permissions';
import { MembersTable } from './members-table';
import './members-page.css';

type Action =
  | { kind: 'invite' }
  | { kind: 'change-role'; member: Member }
  | { kind: 'remove'; member: Member }
  | { kind: 'leave'; member: Member }
  | { kind: 'cancel-invitation'; invitation: Invitation };

export function MembersPage() {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const { workspace, workspaceId, role, can } = useWorkspace();
  const manages = can('members:manage');
  const members = useRequest((signal) => api.members.list(workspaceId, { signal }), [api, workspaceId]);
  // Pending invitations are for ADMIN+ only (the API answers 403 to anyone else), so others do not ask.
  const invitations = useRequest(
    (signal) => (manages ? api.invitations.list(workspaceId, { signal }) : Promise.resolve([])),
    [api, workspaceId, manages],
  );
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);

  const inviteButton = manages ? (
    <Button variant="primary" onClick={() => setAction({ kind: 'invite' })}>
      Invite member
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Members"
        description={
          manages
            ? 'Who can use this workspace, and with which role. A member’s API keys act with their current role.'
            : 'Who can use this workspace, and with which role. Owners and admins invite people and change roles.'
        }
        actions={inviteButton}
      />

      {members.status === 'loading' ? <Loading label="Loading members…" /> : null}
      {members.status === 'error' ? (
        <ErrorState error={members.error} title="Could not load the members" onRetry={members.reload} />
      ) : null}
      {members.status === 'ready' ? (
        <MembersTable
          members={members.data}
          currentUserId={me.id}
          canChangeRole={(member) => canChangeRole(role, member)}
          canRemove={(member) => canRemove(role, me.id, member)}
          onChangeRole={(member) => setAction({ kind: 'change-role', member })}
          onRemove={(member) => setAction({ kind: 'remove', member })}
          onLeave={(member) => setAction({ kind: 'leave', member })}
        />
      ) : null}

      {manages ? (
        <section className="section" aria-labelledby="pending-invitations">
          <div className="members-section-header">
            <h2 id="pending-invitations">Pending invitations</h2>
            <p>An invitation link works once, for 7 days.</p>
          </div>
          {invitations.status === 'loading' ? <Loading label="Loading invitations…" /> : null}
          {invitations.status === 'error' ? (
            <ErrorState
              error={invitations.error}
              title="Could not load the invitations"
              onRetry={invitations.reload}
            />
          ) : null}
          {invitations.status === 'ready' && invitations.data.length === 0 ? (
            <EmptyState title="No pending invitations">
              <p>Invite someone by email; they join when they open the link and sign in.</p>
            </EmptyState>
          ) : null}
          {invitations.status === 'ready' && invitations.data.length > 0 ? (
            <InvitationsTable
              invitations={invitations.data}
              onCancel={(invitation) => setAction({ kind: 'cancel-invitation', invitation })}
            />
          ) : null}
        </section>
      ) : null}

      {action?.kind === 'invite' ? (
        <InviteDialog
          // Inviting an address again replaces its pending invitation (and its link).
          onInvited={(invitation) =>
            invitations.setData((rows) => [
              ...rows.filter((row) => row.email !== invitation.email),
              invitation,
            ])
          }
          onClose={close}
        />
      ) : null}

      {action?.kind === 'change-role' ? (
        <ChangeRoleDialog
          member={action.member}
          isSelf={action.member.userId === me.id}
          onChanged={async (changed) => {
            members.setData((rows) => rows.map((row) => (row.userId === changed.userId ? changed : row)));
            // One's own role shows in the switcher and decides what this page offers.
            if (changed.userId === me.id) await session.refresh();
          }}
          onClose={close}
        />
      ) : null}

      {action?.kind === 'remove' ? (
        <ConfirmDialog
          title={`Remove ${action.member.name}?`}
          confirmLabel="Remove member"
          onConfirm={async () => {
            await api.members.remove(workspaceId, action.member.userId);
            members.setData((rows) => rows.filter((row) => row.userId !== action.member.userId));
          }}
          onClose={close}
        >
          <p>
            <strong>{action.member.name}</strong> (<Email address={action.member.email} />) loses access to{' '}
            <strong>{workspace.name}</strong> at once.
          </p>
          <p>The API keys they created here stop working and show as inactive.</p>
        </ConfirmDialog>
      ) : null}

      {action?.kind === 'leave' ? (
        <ConfirmDialog
          title={`Leave ${workspace.name}?`}
          confirmLabel="Leave workspace"
          onConfirm={async () => {
            await api.members.remove(workspaceId, me.id);
            const now = await session.refresh();
            const next = now?.workspaces[0];
            navigate(next ? paths.apiKeys(next.id) : paths.home(), { replace: true });
          }}
          onClose={close}
        >
          <p>
            You lose access to <strong>{workspace.name}</strong> at once, and the API keys you created here
            stop working. To come back you need a new invitation.
          </p>
        </ConfirmDialog>
      ) : null}

      {action?.kind === 'cancel-invitation' ? (
        <ConfirmDialog
          title="Cancel this invitation?"
          confirmLabel="Cancel invitation"
          cancelLabel="Keep it"
          onConfirm={async () => {
            await api.invitations.cancel(workspaceId, action.invitation.id);
            invitations.setData((rows) => rows.filter((row) => row.id !== action.invitation.id));
          }}
          onClose={close}
        >
          <p>
            The link sent to{' '}
            <strong>
              <Email address={action.invitation.email} />
            </strong>{' '}
            stops working at once. You can invite them again later.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

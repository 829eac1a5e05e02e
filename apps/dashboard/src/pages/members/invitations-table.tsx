/** Pending invitations: email, role, when sent, when it expires, and Cancel. */
import type { Invitation } from '../../api/types';
import { roleLabel } from '../../session/permissions';
import { Button } from '../../ui/button';
import { Email } from '../../ui/email';
import { RelativeTime } from '../../ui/relative-time';
import { Table } from '../../ui/table';

export interface InvitationsTableProps {
  invitations: readonly Invitation[];
  onCancel: (invitation: Invitation) => void;
}

export function InvitationsTable({ invitations, onCancel }: InvitationsTableProps) {
  return (
    <Table
      caption="Pending invitations"
      rows={invitations}
      rowKey={(invitation) => invitation.id}
      columns={[
        {
          header: 'Email',
          cell: (invitation) => <Email address={invitation.email} />,
          className: 'cell-strong cell-person',
        },
        { header: 'Role', cell: (invitation) => roleLabel(invitation.roleKey), className: 'cell-nowrap' },
        {
          header: 'Invited',
          cell: (invitation) => <RelativeTime iso={invitation.createdAt} />,
          className: 'cell-nowrap',
        },
        {
          header: 'Expires',
          cell: (invitation) => <RelativeTime iso={invitation.expiresAt} />,
          className: 'cell-nowrap',
        },
        {
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (invitation) => (
            <Button
              small
              variant="ghost"
              className="btn-link-danger"
              onClick={() => onCancel(invitation)}
              aria-label={`Cancel the invitation for ${invitation.email}`}
            >
              Cancel
            </Button>
          ),
        },
      ]}
    />
  );
}

/** The members: name and email, role, joined; Change role / Remove / Leave where the person may. */
import type { Member } from '../../api/types';
import { roleLabel } from '../../session/permissions';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Email } from '../../ui/email';
import { RelativeTime } from '../../ui/relative-time';
import { RowActions } from '../../ui/row-actions';
import { type Column, Table } from '../../ui/table';

export interface MembersTableProps {
  members: readonly Member[];
  currentUserId: string;
  canChangeRole: (member: Member) => boolean;
  canRemove: (member: Member) => boolean;
  onChangeRole: (member: Member) => void;
  onRemove: (member: Member) => void;
  onLeave: (member: Member) => void;
}

export function MembersTable({
  members,
  currentUserId,
  canChangeRole,
  canRemove,
  onChangeRole,
  onRemove,
  onLeave,
}: MembersTableProps) {
  const columns: Column<Member>[] = [
    {
      header: 'Name',
      className: 'cell-person',
      cell: (member) => (
        <>
          <span className="member-name">{member.name}</span>
          {member.userId === currentUserId ? <span className="member-you"> (you)</span> : null}
          <span className="cell-sub">
            <Email address={member.email} />
          </span>
        </>
      ),
    },
    {
      header: 'Role',
      className: 'cell-nowrap',
      cell: (member) => (
        <Badge tone={member.roleKey === 'OWNER' ? 'info' : 'neutral'}>{roleLabel(member.roleKey)}</Badge>
      ),
    },
    { header: 'Joined', className: 'cell-nowrap', cell: (member) => <RelativeTime iso={member.joinedAt} /> },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (member) => (
        <RowActions>
          {canChangeRole(member) ? (
            <Button small onClick={() => onChangeRole(member)} aria-label={`Change role of ${member.name}`}>
              Change role
            </Button>
          ) : null}
          {canRemove(member) ? (
            <Button
              small
              variant="ghost"
              className="btn-link-danger"
              onClick={() => onRemove(member)}
              aria-label={`Remove ${member.name}`}
            >
              Remove
            </Button>
          ) : null}
          {member.userId === currentUserId ? (
            <Button small variant="ghost" className="btn-link-danger" onClick={() => onLeave(member)}>
              Leave workspace
            </Button>
          ) : null}
        </RowActions>
      ),
    },
  ];
  return (
    <Table
      caption="Members of this workspace"
      columns={columns}
      rows={members}
      rowKey={(member) => member.userId}
    />
  );
}

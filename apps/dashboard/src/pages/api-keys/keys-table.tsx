/** The keys: label, hint, creator, effective role, created, last used, status, and Delete where allowed. */
import type { ApiKey } from '../../api/types';
import { roleLabel } from '../../session/permissions';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Email } from '../../ui/email';
import { RelativeTime } from '../../ui/relative-time';
import { type Column, Table } from '../../ui/table';

export interface KeysTableProps {
  keys: readonly ApiKey[];
  /** Whether the signed-in person may delete this key (their own, or any for ADMIN+). */
  canDelete: (key: ApiKey) => boolean;
  onDelete: (key: ApiKey) => void;
}

export function KeysTable({ keys, canDelete, onDelete }: KeysTableProps) {
  const columns: Column<ApiKey>[] = [
    { header: 'Label', cell: (key) => key.label, className: 'cell-strong' },
    { header: 'Key', cell: (key) => <code>{key.hint}</code>, className: 'cell-mono cell-nowrap' },
    {
      header: 'Created by',
      className: 'cell-person',
      cell: (key) => (
        <>
          {key.createdBy.name}
          <span className="cell-sub">
            <Email address={key.createdBy.email} />
          </span>
        </>
      ),
    },
    { header: 'Role', cell: (key) => roleLabel(key.roleKey), className: 'cell-nowrap' },
    { header: 'Created', cell: (key) => <RelativeTime iso={key.createdAt} />, className: 'cell-nowrap' },
    {
      header: 'Last used',
      cell: (key) =>
        key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : <span className="muted">Never</span>,
      className: 'cell-nowrap',
    },
    { header: 'Status', cell: (key) => <KeyStatus apiKey={key} /> },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (key) =>
        canDelete(key) ? (
          <Button
            small
            variant="ghost"
            className="btn-link-danger"
            onClick={() => onDelete(key)}
            aria-label={`Delete key ${key.label}`}
          >
            Delete
          </Button>
        ) : null,
    },
  ];

  return (
    <Table
      caption="API keys of this workspace"
      columns={columns}
      rows={keys}
      rowKey={(key) => key.id}
      rowClassName={(key) => (key.status === 'inactive' ? 'row-inactive' : undefined)}
    />
  );
}

function KeyStatus({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.status === 'active') return <Badge tone="success">Active</Badge>;
  return (
    <>
      <Badge tone="warning">Inactive</Badge>
      <span className="status-why">Creator is no longer a member</span>
    </>
  );
}

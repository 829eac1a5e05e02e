/** Connections: the social accounts posts go to. Everyone sees the list; ADMIN+ add and remove. */
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Connection } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageHeader } from '../../ui/page';
import { RelativeTime } from '../../ui/relative-time';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { type Column, Table } from '../../ui/table';
import { useRequest } from '../../ui/use-request';
import { AddConnectionDialog } from './add-connection-dialog';
import { platformLabel } from './platforms';

export function ConnectionsPage() {
  const api = useApi();
  const { workspaceId, can } = useWorkspace();
  const list = useRequest((signal) => api.connections.list(workspaceId, { signal }), [api, workspaceId]);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Connection | null>(null);
  const manages = can('connections:manage');

  const addButton = manages ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      Add connection
    </Button>
  ) : null;

  const columns: Column<Connection>[] = [
    {
      header: 'Name',
      cell: (connection) => connection.name,
      className: 'cell-strong',
    },
    {
      header: 'Platform',
      cell: (connection) => platformLabel(connection.platform),
      className: 'cell-nowrap',
    },
    { header: 'Slug', cell: (connection) => connection.slug, className: 'cell-mono' },
    {
      header: 'Added',
      cell: (connection) => <RelativeTime iso={connection.createdAt} />,
      className: 'cell-nowrap',
    },
  ];
  if (manages) {
    columns.push({
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (connection) => (
        <Button
          small
          variant="ghost"
          className="btn-link-danger"
          onClick={() => setRemoving(connection)}
          aria-label={`Remove connection ${connection.slug}`}
        >
          Remove
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="Connections"
        description={
          manages
            ? 'The social accounts of this workspace. Posts name them by slug.'
            : 'The social accounts of this workspace. Posts name them by slug; owners and admins add and remove them.'
        }
        actions={list.status === 'ready' && list.data.length > 0 ? addButton : undefined}
      />

      {list.status === 'loading' ? <Loading label="Loading connections…" /> : null}
      {list.status === 'error' ? (
        <ErrorState error={list.error} title="Could not load the connections" onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <EmptyState title="No connections yet" action={addButton}>
          <p>
            {manages
              ? 'Add the accounts this workspace posts to, e.g. your brand on X or LinkedIn.'
              : 'An owner or admin of this workspace can add the accounts it posts to.'}
          </p>
        </EmptyState>
      ) : null}
      {list.status === 'ready' && list.data.length > 0 ? (
        <Table
          caption="Connections of this workspace"
          columns={columns}
          rows={list.data}
          rowKey={(connection) => connection.id}
        />
      ) : null}

      {adding ? (
        <AddConnectionDialog
          onAdded={(connection) => list.setData((rows) => [...rows, connection])}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="Remove connection?"
          confirmLabel="Remove connection"
          onConfirm={async () => {
            await api.connections.delete(workspaceId, removing.id);
            list.setData((rows) => rows.filter((row) => row.id !== removing.id));
          }}
          onClose={() => setRemoving(null)}
        >
          <p>
            Remove <strong>{removing.name}</strong> (<code>{removing.slug}</code>) from this workspace?
          </p>
          <p>New posts can no longer go to it. Posts that already name it keep their list as it is.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

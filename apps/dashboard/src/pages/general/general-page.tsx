/**
 * Settings → General: the workspace's details; rename it (ADMIN+); delete it (OWNER, after typing its name).
 * Nobody is offered what their role cannot do.
 */
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { roleLabel } from '../../session/permissions';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-field';
import { PageHeader } from '../../ui/page';
import { RelativeTime } from '../../ui/relative-time';
import { ErrorState, Loading } from '../../ui/states';
import { useRequest } from '../../ui/use-request';
import { DeleteWorkspaceDialog } from './delete-workspace-dialog';
import { RenameWorkspaceForm } from './rename-workspace-form';
import './general-page.css';

export function GeneralPage() {
  const api = useApi();
  const { workspace, workspaceId, role, can } = useWorkspace();
  const details = useRequest((signal) => api.workspaces.get(workspaceId, { signal }), [api, workspaceId]);
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <PageHeader title="General" description="The workspace's name and details." />
      <div className="general-panels">
        <section className="panel" aria-labelledby="workspace-details">
          <h2 id="workspace-details">Workspace</h2>
          {details.status === 'loading' ? <Loading label="Loading the workspace…" /> : null}
          {details.status === 'error' ? (
            <ErrorState error={details.error} title="Could not load the workspace" onRetry={details.reload} />
          ) : null}
          {details.status === 'ready' ? (
            <dl className="general-facts">
              <dt>Name</dt>
              <dd>{workspace.name}</dd>
              <dt>Your role</dt>
              <dd>{roleLabel(role)}</dd>
              <dt>Created</dt>
              <dd>
                <RelativeTime iso={details.data.createdAt} />
              </dd>
              <dt>Plan</dt>
              <dd className="general-tier">{details.data.tier}</dd>
            </dl>
          ) : null}
          <CopyField label="Workspace ID" value={workspaceId} />
        </section>

        {can('workspace:rename') ? (
          <section className="panel" aria-labelledby="rename-workspace">
            <h2 id="rename-workspace">Rename</h2>
            <RenameWorkspaceForm />
          </section>
        ) : (
          <p className="muted">Owners and admins can rename the workspace.</p>
        )}

        {can('workspace:delete') ? (
          <section className="panel panel-danger" aria-labelledby="delete-workspace">
            <h2 id="delete-workspace">Delete workspace</h2>
            <p className="panel-note">
              Deletes the workspace with everything in it, and stops every one of its API keys. This cannot be
              undone.
            </p>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete workspace…
            </Button>
          </section>
        ) : null}
      </div>
      {deleting ? <DeleteWorkspaceDialog onClose={() => setDeleting(false)} /> : null}
    </>
  );
}

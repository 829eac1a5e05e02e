/** `/`: opens the workspace used last (or the first); a person without any is offered to create one. */
import { useState } from 'react';
import { AppLayout } from '../layout/app-layout';
import { NewWorkspaceDialog } from '../layout/new-workspace-dialog';
import { paths, Redirect } from '../router';
import { preferredWorkspace } from '../session/last-workspace';
import { useSession } from '../session/session-context';
import { Button, EmptyState, useDocumentTitle } from '../ui';

export function HomePage() {
  const { workspaces } = useSession();
  const workspace = preferredWorkspace(workspaces);
  if (workspace) return <Redirect to={paths.apiKeys(workspace.id)} />;
  return <NoWorkspace />;
}

function NoWorkspace() {
  const [creating, setCreating] = useState(false);
  useDocumentTitle('No workspace');
  return (
    <AppLayout>
      <EmptyState
        title="You are not a member of any workspace"
        titleAs="h1"
        action={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create a workspace
          </Button>
        }
      >
        <p>Create one, or ask a workspace's admin for an invitation.</p>
      </EmptyState>
      {creating ? <NewWorkspaceDialog onClose={() => setCreating(false)} /> : null}
    </AppLayout>
  );
}

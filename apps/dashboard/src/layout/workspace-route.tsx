/**
 * Everything under /w/:workspaceId: requires a session, finds the workspace among the person's own (reloading
 * their list once, e.g. right after they joined one), provides it with the role and `can()`, and draws the
 * frame. The page is keyed by workspace, so switching workspaces starts it afresh.
 */
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { Link, paths, useParams } from '../router';
import { RequireSession } from '../session/guards';
import { rememberWorkspace } from '../session/last-workspace';
import { useSession } from '../session/session-context';
import { WorkspaceProvider } from '../session/workspace-context';
import { useDocumentTitle } from '../ui/page';
import { EmptyState, Loading } from '../ui/states';
import { AppLayout } from './app-layout';

export function WorkspaceRoute({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <WorkspaceFrame>{children}</WorkspaceFrame>
    </RequireSession>
  );
}

function WorkspaceFrame({ children }: { children: ReactNode }) {
  const { workspaceId = '' } = useParams();
  const { workspaces, refresh } = useSession();
  const workspace = workspaces.find((candidate) => candidate.id === workspaceId);
  const [checked, setChecked] = useState<string | null>(null);

  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.id);
    else if (checked !== workspaceId) {
      refresh()
        .catch(() => {})
        .finally(() => setChecked(workspaceId));
    }
  }, [workspace, workspaceId, checked, refresh]);

  if (!workspace) {
    return <AppLayout>{checked === workspaceId ? <NotFound /> : <Loading />}</AppLayout>;
  }

  return (
    <WorkspaceProvider workspace={workspace}>
      <AppLayout workspaceId={workspace.id}>
        <Fragment key={workspace.id}>{children}</Fragment>
      </AppLayout>
    </WorkspaceProvider>
  );
}

function NotFound() {
  useDocumentTitle('Workspace not found');
  return (
    <EmptyState
      title="Workspace not found"
      titleAs="h1"
      action={
        <Link to={paths.home()} className="btn btn-primary">
          Go to your workspace
        </Link>
      }
    >
      <p>It does not exist, or you are not a member of it (any more).</p>
    </EmptyState>
  );
}

/**
 * The person's workspaces with their role; choosing one opens the same page in that workspace. A long name is
 * cut at the control's width; hovering it shows the whole of the chosen one.
 */
import { useId } from 'react';
import type { MyWorkspace } from '../api/types';
import { useLocation, useNavigate } from '../router';
import { paths } from '../router/paths';
import { roleLabel } from '../session/permissions';
import { useSession } from '../session/session-context';

export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const { workspaces } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const id = useId();
  if (workspaces.length === 0) return null;
  const current = workspaces.find((workspace) => workspace.id === currentId);

  const switchTo = (workspaceId: string) => {
    // Keep the section (/settings/api-keys, /content…) when moving to another workspace.
    const section = currentId ? pathname.slice(paths.workspace(currentId).length) : '';
    navigate(paths.workspace(workspaceId) + (section || '/settings/api-keys'));
  };

  return (
    <div className="workspace-switcher">
      <label htmlFor={id} className="visually-hidden">
        Workspace
      </label>
      <select
        id={id}
        className="input"
        value={currentId ?? ''}
        title={current ? optionLabel(current) : undefined}
        onChange={(event) => switchTo(event.target.value)}
      >
        {currentId === undefined ? (
          <option value="" disabled>
            Choose a workspace
          </option>
        ) : null}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {optionLabel(workspace)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Grace's workspace (Owner)". */
function optionLabel(workspace: MyWorkspace): string {
  return `${workspace.name} (${roleLabel(workspace.roleKey)})`;
}

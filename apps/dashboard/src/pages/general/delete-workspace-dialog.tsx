/**
 * Delete the workspace (OWNER): confirmed by typing its name. Afterwards the person lands in another of their
 * workspaces, or on the screen that offers to create one.
 */
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { paths, useNavigate } from '../../router';
import { preferredWorkspace } from '../../session/last-workspace';
import { useSession } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';

/** Whether what was typed names the workspace (surrounding spaces ignored, case counts). */
export function confirmsName(typed: string, name: string): boolean {
  return typed.trim() !== '' && typed.trim() === name.trim();
}

export function DeleteWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const { workspace, workspaceId } = useWorkspace();
  const [typed, setTyped] = useState('');

  return (
    <ConfirmDialog
      title={`Delete ${workspace.name}?`}
      confirmLabel="Delete workspace"
      confirmDisabled={!confirmsName(typed, workspace.name)}
      onConfirm={async () => {
        await api.workspaces.delete(workspaceId);
        const me = await session.refresh();
        const next = preferredWorkspace(me?.workspaces ?? []);
        navigate(next ? paths.apiKeys(next.id) : paths.home(), { replace: true });
      }}
      onClose={onClose}
    >
      <p>
        This deletes <strong>{workspace.name}</strong> with all its members, invitations, API keys,
        connections and posts. Every key of the workspace stops working at once. This cannot be undone.
      </p>
      <TextField
        label={
          <>
            Type <strong>{workspace.name}</strong> to confirm
          </>
        }
        name="confirm-name"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
      />
    </ConfirmDialog>
  );
}

/** Delete key, behind a confirmation that names the key and says what stops working. */
import { useApi } from '../../api/api-context';
import type { ApiKey } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';

export interface DeleteKeyDialogProps {
  apiKey: ApiKey;
  onDeleted: (key: ApiKey) => void;
  onClose: () => void;
}

export function DeleteKeyDialog({ apiKey, onDeleted, onClose }: DeleteKeyDialogProps) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  return (
    <ConfirmDialog
      title={`Delete the key “${apiKey.label}”?`}
      confirmLabel="Delete key"
      onConfirm={async () => {
        await api.apiKeys.delete(workspaceId, apiKey.id);
        onDeleted(apiKey);
      }}
      onClose={onClose}
    >
      <p>
        <strong>{apiKey.label}</strong> (<code>{apiKey.hint}</code>), created by {apiKey.createdBy.name},
        stops working at once: every request made with it will answer <code>401 Invalid API key</code>.
      </p>
      <p>This cannot be undone. Deploy a replacement first if something still uses it.</p>
    </ConfirmDialog>
  );
}

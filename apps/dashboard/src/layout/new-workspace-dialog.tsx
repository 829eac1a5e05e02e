/** "New workspace": a name, then the new workspace opens (the creator is its OWNER). */
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/api-context';
import { paths, useNavigate } from '../router';
import { useSession } from '../session/session-context';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { FormError } from '../ui/form-error';

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const workspace = await api.workspaces.create({ name: name.trim() });
      await session.refresh();
      onClose();
      navigate(paths.apiKeys(workspace.id));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New workspace"
      onClose={onClose}
      dismissible={!busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="new-workspace-form" busy={busy}>
            Create workspace
          </Button>
        </>
      }
    >
      <form id="new-workspace-form" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={100}
          required
          autoComplete="off"
          hint="You will be its owner. Keys, members, connections and content belong to one workspace."
        />
        <FormError error={error} />
      </form>
    </Dialog>
  );
}

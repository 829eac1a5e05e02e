/**
 * "New workspace": a name, then the new workspace opens (the creator is its OWNER). An empty name is caught
 * before a request; the server's messages about the name appear under it.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { paths, useNavigate } from '../router';
import { useSession } from '../session/session-context';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { FormError } from '../ui/form-error';
import { useFormErrors } from '../ui/use-form-errors';

/** API.md: a workspace name is 1–100 characters. */
const NAME_MAX_LENGTH = 100;
const FIELDS = ['name'] as const;

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(FIELDS, form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.show({ name: name.trim() ? null : 'Give the workspace a name.' })) return;
    setBusy(true);
    try {
      const workspace = await api.workspaces.create({ name: name.trim() });
      await session.refresh();
      onClose();
      navigate(paths.apiKeys(workspace.id));
    } catch (failure) {
      errors.fail(failure);
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
      <form ref={form} id="new-workspace-form" className="form" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            errors.edited('name');
          }}
          maxLength={NAME_MAX_LENGTH}
          required
          autoComplete="off"
          error={errors.field('name')}
          hint="You will be its owner. Keys, members, connections and content belong to one workspace."
        />
        <FormError messages={errors.form} />
      </form>
    </Dialog>
  );
}

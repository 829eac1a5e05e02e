/** Add connection: platform, handle (with the slug it will get) and an optional display name. */
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Connection, Platform } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { handleProblem, PLATFORM_OPTIONS, previewSlug } from './platforms';

/** API.md / the server's schema: a handle is at most 100 characters, a name at most 100. */
const HANDLE_MAX_LENGTH = 100;
const NAME_MAX_LENGTH = 100;

export interface AddConnectionDialogProps {
  onAdded: (connection: Connection) => void;
  onClose: () => void;
}

export function AddConnectionDialog({ onAdded, onClose }: AddConnectionDialogProps) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  const [platform, setPlatform] = useState<Platform>('x');
  const [handle, setHandle] = useState('');
  const [name, setName] = useState('');
  const [handleError, setHandleError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = handleProblem(handle);
    setHandleError(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const connection = await api.connections.create(workspaceId, {
        platform,
        handle: handle.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      onAdded(connection);
      onClose();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const slug = handle.trim() && !handleProblem(handle) ? previewSlug(platform, handle) : null;

  return (
    <Dialog
      title="Add connection"
      onClose={onClose}
      dismissible={!busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="add-connection-form" busy={busy}>
            Add connection
          </Button>
        </>
      }
    >
      <form id="add-connection-form" className="form" onSubmit={submit} noValidate>
        <SelectField
          label="Platform"
          name="platform"
          options={PLATFORM_OPTIONS}
          value={platform}
          onChange={(event) => setPlatform(event.target.value as Platform)}
        />
        <TextField
          label="Handle"
          name="handle"
          value={handle}
          onChange={(event) => setHandle(event.target.value)}
          maxLength={HANDLE_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="@brand"
          error={handleError}
          hint={
            slug ? (
              <>
                Posts will name it <code>{slug}</code>.
              </>
            ) : (
              'The account name on the platform.'
            )
          }
        />
        <TextField
          label="Name (optional)"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="off"
          hint="How it is shown here; the handle when left empty."
        />
        <p className="dialog-note">
          This registers the account for scheduling posts; Socifyr does not sign in to the platform.
        </p>
        <FormError error={error} />
      </form>
    </Dialog>
  );
}

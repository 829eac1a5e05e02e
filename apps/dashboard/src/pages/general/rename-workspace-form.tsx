/** Rename the workspace (ADMIN+). The new name shows in the switcher at once. */
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useSession } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';

/** API.md: a workspace name is 1–100 characters. */
const NAME_MAX_LENGTH = 100;

export function RenameWorkspaceForm() {
  const api = useApi();
  const session = useSession();
  const { workspace, workspaceId } = useWorkspace();
  const [name, setName] = useState(workspace.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const unchanged = name.trim() === workspace.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the workspace a name.');
      return;
    }
    setNameError(null);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const renamed = await api.workspaces.rename(workspaceId, { name: trimmed });
      setName(renamed.name);
      await session.refresh();
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form general-rename" onSubmit={submit} noValidate>
      <TextField
        label="Workspace name"
        name="name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(false);
        }}
        maxLength={NAME_MAX_LENGTH}
        autoComplete="off"
        error={nameError}
        hint="Everyone in the workspace sees it in their workspace switcher."
      />
      <FormError error={error} />
      <div className="general-form-actions">
        <Button variant="primary" type="submit" busy={busy} disabled={unchanged}>
          Save name
        </Button>
        <p className="general-saved" aria-live="polite">
          {saved ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}

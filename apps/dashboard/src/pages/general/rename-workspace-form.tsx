/** Rename the workspace (ADMIN+). The new name shows in the switcher at once. */
import { type FormEvent, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useSession } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useFormErrors } from '../../ui/use-form-errors';

/** API.md: a workspace name is 1–100 characters. */
const NAME_MAX_LENGTH = 100;
const FIELDS = ['name'] as const;

export function RenameWorkspaceForm() {
  const api = useApi();
  const session = useSession();
  const { workspace, workspaceId } = useWorkspace();
  const [name, setName] = useState(workspace.name);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(FIELDS, form);
  const unchanged = name.trim() === workspace.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (errors.show({ name: trimmed ? null : 'Give the workspace a name.' })) return;
    setBusy(true);
    setSaved(false);
    try {
      const renamed = await api.workspaces.rename(workspaceId, { name: trimmed });
      setName(renamed.name);
      await session.refresh();
      setSaved(true);
    } catch (failure) {
      errors.fail(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form general-rename" onSubmit={submit} noValidate>
      <TextField
        label="Workspace name"
        name="name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(false);
          errors.edited('name');
        }}
        maxLength={NAME_MAX_LENGTH}
        autoComplete="off"
        error={errors.field('name')}
        hint="Everyone in the workspace sees it in their workspace switcher."
      />
      <FormError messages={errors.form} />
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

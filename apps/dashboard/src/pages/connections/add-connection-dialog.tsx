/** Add connection: platform, handle (with the slug it will get) and an optional display name. */
import { type FormEvent, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Connection, Platform } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useFormErrors } from '../../ui/use-form-errors';
import { handleProblem, PLATFORM_OPTIONS, previewSlug } from './platforms';

/** API.md / the server's schema: a handle is at most 100 characters, a name at most 100. */
const HANDLE_MAX_LENGTH = 100;
const NAME_MAX_LENGTH = 100;
const FIELDS = ['platform', 'handle', 'name'] as const;

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
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // A problem shown belongs to what was submitted: changing a field clears it (and the API's answer).
  const errors = useFormErrors(FIELDS, form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.show({ handle: handleProblem(handle) })) return;
    setBusy(true);
    try {
      const connection = await api.connections.create(workspaceId, {
        platform,
        handle: handle.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      onAdded(connection);
      onClose();
    } catch (failure) {
      errors.fail(failure);
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
      <form ref={form} id="add-connection-form" className="form" onSubmit={submit} noValidate>
        <SelectField
          label="Platform"
          name="platform"
          options={PLATFORM_OPTIONS}
          value={platform}
          onChange={(event) => {
            setPlatform(event.target.value as Platform);
            errors.edited('platform');
          }}
          error={errors.field('platform')}
        />
        <TextField
          label="Handle"
          name="handle"
          value={handle}
          onChange={(event) => {
            setHandle(event.target.value);
            errors.edited('handle');
          }}
          maxLength={HANDLE_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="@brand"
          error={errors.field('handle')}
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
          onChange={(event) => {
            setName(event.target.value);
            errors.edited('name');
          }}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="off"
          error={errors.field('name')}
          hint="How it is shown here; the handle when left empty."
        />
        <p className="dialog-note">
          This registers the account for scheduling posts; Socifyr does not sign in to the platform.
        </p>
        <FormError messages={errors.form} />
      </form>
    </Dialog>
  );
}

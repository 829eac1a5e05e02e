/**
 * Create key: a label, then the new key shown once — in a read-only field with Copy and a plain warning.
 * The plaintext lives only in this dialog's state: closing it (Done, Esc, ×) unmounts the dialog and the key is
 * gone from the page. The parent only ever receives the key's metadata.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { ApiKey } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-field';
import { Dialog } from '../../ui/dialog';
import { TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { lengthCounter, tooLongProblem } from '../../ui/text-length';
import { useFormErrors } from '../../ui/use-form-errors';

/** API.md: a label is 1–100 characters. */
export const LABEL_MAX_LENGTH = 100;
const FIELDS = ['label'] as const;

export interface CreateKeyDialogProps {
  /** Called as soon as the key exists (with its metadata only), so the list can show it behind the dialog. */
  onCreated: (key: ApiKey) => void;
  onClose: () => void;
}

export function CreateKeyDialog({ onCreated, onClose }: CreateKeyDialogProps) {
  const [created, setCreated] = useState<{ plaintext: string; key: ApiKey } | null>(null);
  return created ? (
    <ShowKeyOnce plaintext={created.plaintext} apiKey={created.key} onDone={onClose} />
  ) : (
    <LabelForm
      onClose={onClose}
      onCreated={(result) => {
        setCreated(result);
        onCreated(result.key);
      }}
    />
  );
}

function LabelForm({
  onCreated,
  onClose,
}: {
  onCreated: (result: { plaintext: string; key: ApiKey }) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(FIELDS, form);
  const trimmed = label.trim();
  const over = tooLongProblem(trimmed, LABEL_MAX_LENGTH) !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = trimmed
      ? tooLongProblem(trimmed, LABEL_MAX_LENGTH)
      : 'Give the key a label, e.g. "Production backend".';
    if (errors.show({ label: problem })) return;
    setBusy(true);
    try {
      onCreated(await api.apiKeys.create(workspaceId, { label: trimmed }));
    } catch (failure) {
      errors.fail(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Create API key"
      onClose={onClose}
      dismissible={!busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="create-key-form" busy={busy}>
            Create key
          </Button>
        </>
      }
    >
      <form ref={form} id="create-key-form" className="form" onSubmit={submit} noValidate>
        <TextField
          label="Label"
          name="label"
          value={label}
          onChange={(event) => {
            setLabel(event.target.value);
            errors.edited('label');
          }}
          // No maxLength: a longer paste is not cut short without a word; the counter and the check say so.
          autoComplete="off"
          placeholder="Production backend"
          error={errors.field('label')}
          hint={
            <>
              What the key is for. One key per service lets you rotate one without disturbing the rest.
              <span className={`field-counter${over ? ' field-counter-over' : ''}`}>
                {lengthCounter(trimmed, LABEL_MAX_LENGTH)}
              </span>
            </>
          }
        />
        <p className="dialog-note">
          The key acts as you, with your current role in this workspace, and is shown only once.
        </p>
        <FormError messages={errors.form} />
      </form>
    </Dialog>
  );
}

function ShowKeyOnce({
  plaintext,
  apiKey,
  onDone,
}: {
  plaintext: string;
  apiKey: ApiKey;
  onDone: () => void;
}) {
  return (
    <Dialog
      title="Your new API key"
      onClose={onDone}
      footer={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      <p>
        The key <strong>{apiKey.label}</strong> is ready.
      </p>
      <Notice tone="warning" title="Copy this key now. It will not be shown again.">
        <p>
          Socifyr keeps only a hash of it. If you lose it, create a new key and delete this one. Store it in
          an environment variable or a secrets manager, never in source control.
        </p>
      </Notice>
      <CopyField label="API key" value={plaintext} multiline />
      <p className="dialog-note">
        Send it as <code>Authorization: Bearer sk_…</code>. It works until you delete it; any number of keys
        can be valid at once.
      </p>
    </Dialog>
  );
}

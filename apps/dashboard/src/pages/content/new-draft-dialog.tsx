/**
 * New draft: the text and the connections it goes to. Without any connection there is nothing to post to, so
 * the dialog says so and links to Connections (or says who can add one).
 */
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Connection, Post } from '../../api/types';
import { Link, paths } from '../../router';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { platformLabel } from '../connections/platforms';

/** API.md: a post's text is 1–10,000 characters. */
export const TEXT_MAX_LENGTH = 10_000;
const FIELDS = ['text', 'connections'] as const;

export interface NewDraftDialogProps {
  connections: readonly Connection[];
  onCreated: (post: Post) => void;
  onClose: () => void;
}

export function NewDraftDialog({ connections, onCreated, onClose }: NewDraftDialogProps) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>(() =>
    connections.length === 1 && connections[0] ? [connections[0].slug] : [],
  );
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(FIELDS, form);

  const toggle = (slug: string, on: boolean) => {
    setChosen((current) => (on ? [...current, slug] : current.filter((item) => item !== slug)));
    errors.edited('connections');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = errors.show({
      text: text.trim() ? null : 'Write the text of the post.',
      connections: chosen.length > 0 ? null : 'Choose at least one connection to post to.',
    });
    if (found) return;
    setBusy(true);
    try {
      // In the order they are listed, whatever order they were ticked in.
      const slugs = connections.map((c) => c.slug).filter((slug) => chosen.includes(slug));
      onCreated(await api.content.createText(workspaceId, { text, connections: slugs }));
      onClose();
    } catch (failure) {
      errors.fail(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New draft"
      onClose={onClose}
      dismissible={!busy}
      size="large"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            form="new-draft-form"
            busy={busy}
            disabled={connections.length === 0}
          >
            Save draft
          </Button>
        </>
      }
    >
      <form ref={form} id="new-draft-form" className="form" onSubmit={submit} noValidate>
        <Field
          label="Text"
          error={errors.field('text')}
          hint={`${text.length.toLocaleString()} / ${TEXT_MAX_LENGTH.toLocaleString()} characters`}
        >
          {(control) => (
            <textarea
              className="input draft-text"
              name="text"
              value={text}
              maxLength={TEXT_MAX_LENGTH}
              rows={6}
              onChange={(event) => {
                setText(event.target.value);
                errors.edited('text');
              }}
              {...control}
            />
          )}
        </Field>
        {connections.length === 0 ? (
          <NoConnections />
        ) : (
          <ConnectionPicker
            connections={connections}
            chosen={chosen}
            onToggle={toggle}
            error={errors.field('connections')}
          />
        )}
        <FormError messages={errors.form} />
      </form>
    </Dialog>
  );
}

function NoConnections() {
  const { workspaceId, can } = useWorkspace();
  return (
    <Notice tone="warning" title="No connections yet">
      <p>
        A post goes to one or more connections (social accounts).{' '}
        {can('connections:manage') ? (
          <>
            <Link to={paths.connections(workspaceId)}>Add a connection</Link> first.
          </>
        ) : (
          'Ask an owner or admin of this workspace to add one.'
        )}
      </p>
    </Notice>
  );
}

interface ConnectionPickerProps {
  connections: readonly Connection[];
  chosen: readonly string[];
  onToggle: (slug: string, on: boolean) => void;
  error?: ReactNode;
}

function ConnectionPicker({ connections, chosen, onToggle, error }: ConnectionPickerProps) {
  return (
    <fieldset
      className={`connection-picker${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? 'connection-picker-error' : undefined}
    >
      <legend className="field-label">Connections</legend>
      <ul className="connection-picker-list">
        {connections.map((connection) => (
          <li key={connection.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="connections"
                value={connection.slug}
                checked={chosen.includes(connection.slug)}
                onChange={(event) => onToggle(connection.slug, event.target.checked)}
              />
              <span>
                {connection.name}{' '}
                <span className="muted">
                  · {platformLabel(connection.platform)} · <code>{connection.slug}</code>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" id="connection-picker-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

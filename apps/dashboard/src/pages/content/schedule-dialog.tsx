/**
 * Schedule (or reschedule) a post: a local date and time in the future. A scheduled post can also go back to
 * being a draft. Not offered to CONTRIBUTOR (the page decides).
 */
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Post } from '../../api/types';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { formatExact } from '../../ui/format-time';
import { defaultScheduleTime, localInputToIso, toLocalInputValue } from './local-time';

export interface ScheduleDialogProps {
  post: Post;
  onChanged: (post: Post) => void;
  onClose: () => void;
}

export function ScheduleDialog({ post, onChanged, onClose }: ScheduleDialogProps) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  const [value, setValue] = useState(() =>
    toLocalInputValue(post.scheduledAt ? new Date(post.scheduledAt) : defaultScheduleTime(new Date())),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'schedule' | 'unschedule' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const save = async (scheduledAt: string | null, kind: 'schedule' | 'unschedule') => {
    setBusy(kind);
    setError(null);
    try {
      onChanged(await api.content.update(workspaceId, post.id, { scheduledAt }));
      onClose();
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = localInputToIso(value);
    if (!iso) {
      setProblem('Choose a date and a time.');
      return;
    }
    if (Date.parse(iso) <= Date.now()) {
      setProblem('Choose a time in the future.');
      return;
    }
    setProblem(null);
    void save(iso, 'schedule');
  };

  const rescheduling = post.status === 'scheduled';
  return (
    <Dialog
      title={rescheduling ? 'Reschedule post' : 'Schedule post'}
      onClose={onClose}
      dismissible={busy === null}
      size="small"
      footer={
        <>
          {rescheduling ? (
            <Button
              variant="ghost"
              onClick={() => void save(null, 'unschedule')}
              busy={busy === 'unschedule'}
              disabled={busy !== null}
            >
              Back to drafts
            </Button>
          ) : null}
          <Button onClick={onClose} disabled={busy !== null}>
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            form="schedule-form"
            busy={busy === 'schedule'}
            disabled={busy !== null}
          >
            Schedule
          </Button>
        </>
      }
    >
      <form id="schedule-form" className="form" onSubmit={submit} noValidate>
        <p className="dialog-note schedule-preview">“{post.text}”</p>
        {post.scheduledAt ? (
          <p className="dialog-note">Now scheduled for {formatExact(post.scheduledAt)}.</p>
        ) : null}
        <TextField
          label="Publish at"
          name="scheduledAt"
          type="datetime-local"
          value={value}
          min={toLocalInputValue(new Date())}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
            setError(null);
          }}
          error={problem}
          hint={`Your local time (${timeZone}).`}
        />
        <FormError error={error} />
      </form>
    </Dialog>
  );
}

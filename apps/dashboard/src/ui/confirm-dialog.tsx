/**
 * "Are you sure?" for destructive actions. `onConfirm` may return a promise: the button shows it is busy, a
 * failure is shown in the dialog (and it stays open), success closes it.
 */
import { type ReactNode, useState } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './form-error';

export interface ConfirmDialogProps {
  /** Default true. */
  open?: boolean;
  title: ReactNode;
  /** What will happen, in plain words; name the thing. */
  children: ReactNode;
  /** Label of the confirming button, e.g. "Delete key". */
  confirmLabel: string;
  /** Default 'Cancel'. */
  cancelLabel?: string;
  /** Red confirming button. Default true. */
  danger?: boolean;
  /** Keeps the confirming button disabled (e.g. until a name is typed). Default false. */
  confirmDisabled?: boolean;
  onConfirm: () => void | Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({
  open = true,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = true,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
    } catch (failure) {
      setBusy(false);
      setError(failure);
    }
  };

  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      dismissible={!busy}
      size="small"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-autofocus>
            {cancelLabel}
          </Button>
          <Button
            variant={danger ? 'danger' : 'primary'}
            onClick={confirm}
            busy={busy}
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="confirm-message">{children}</div>
      <FormError error={error} />
    </Dialog>
  );
}

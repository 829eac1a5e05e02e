/**
 * A modal dialog on the native <dialog> element (the rest of the page is inert while it is open). Focus moves
 * in on open (to the element marked `data-autofocus`, else the first field, else the first button), Esc closes,
 * and focus returns to where it was when the dialog closes. Render it while open: `{open && <Dialog …/>}`,
 * or pass `open`.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface DialogProps {
  /** Default true; with false nothing renders. */
  open?: boolean;
  title: ReactNode;
  /** Called on Esc, on the close button, and when the browser closes the dialog. */
  onClose: () => void;
  /** Buttons along the bottom. */
  footer?: ReactNode;
  /** While false, Esc and the close button do nothing (e.g. during a request). Default true. */
  dismissible?: boolean;
  /** Default 'medium' (32rem). */
  size?: 'small' | 'medium' | 'large';
  children?: ReactNode;
}

const FOCUS_FIRST = 'input:not([type=hidden]):not([disabled]), select, textarea';
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]';

export function Dialog({ open = true, ...props }: DialogProps) {
  return open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({
  title,
  onClose,
  footer,
  dismissible = true,
  size = 'medium',
  children,
}: Omit<DialogProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  const dismissibleRef = useRef(dismissible);
  onCloseRef.current = onClose;
  dismissibleRef.current = dismissible;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(`.dialog-body :is(${FOCUS_FIRST})`) ??
      dialog.querySelector<HTMLElement>(`.dialog-footer :is(${FOCUSABLE})`) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();

    const onCancel = (event: Event) => {
      event.preventDefault();
      if (dismissibleRef.current) onCloseRef.current();
    };
    // The browser may close it on its own (e.g. a second Esc): keep React's state in step, or reopen it while
    // it may not be dismissed (a request is under way and its answer must be shown).
    const onNativeClose = () => {
      if (dismissibleRef.current) onCloseRef.current();
      else if (dialog.isConnected) dialog.showModal();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      // The opener may be gone (e.g. an empty state replaced by the new item): fall back to the page itself.
      if (returnTo?.isConnected) returnTo.focus();
      else document.getElementById('main')?.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId}>
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button
          type="button"
          className="dialog-close"
          aria-label="Close"
          onClick={() => dismissible && onClose()}
          disabled={!dismissible}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}

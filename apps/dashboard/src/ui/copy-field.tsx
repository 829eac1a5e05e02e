/**
 * A read-only value with a Copy button (secrets, links, ids). Copies with the Clipboard API, falls back to
 * selecting the text and `execCommand('copy')`, and says "Copied" (announced) or how to copy by hand.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from './button';

export interface CopyFieldProps {
  label: string;
  value: string;
  /** Hide the label visually (still read by screen readers). Default false. */
  hideLabel?: boolean;
  /** Monospace, for keys and ids. Default true. */
  mono?: boolean;
  /** Default 'Copy'. */
  buttonLabel?: string;
  /** Wrap the value over several lines so all of it is visible (long secrets). Default false. */
  multiline?: boolean;
  onCopied?: () => void;
}

const COPIED_NOTICE_MS = 2500;

export function CopyField({
  label,
  value,
  hideLabel = false,
  mono = true,
  buttonLabel = 'Copy',
  multiline = false,
  onCopied,
}: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setStatus('idle'), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
      onCopied?.();
    } catch {
      input.current?.select();
      const copied = document.execCommand?.('copy') ?? false;
      setStatus(copied ? 'copied' : 'failed');
      if (copied) onCopied?.();
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <div className="copy-field-row">
        {multiline ? (
          <textarea
            ref={input}
            id={id}
            className={`input copy-field-multiline${mono ? ' mono' : ''}`}
            value={value}
            readOnly
            rows={2}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
        ) : (
          <input
            ref={input}
            id={id}
            className={`input${mono ? ' mono' : ''}`}
            value={value}
            readOnly
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
        <Button onClick={copy} aria-label={`${buttonLabel} ${label}`}>
          {status === 'copied' ? 'Copied' : buttonLabel}
        </Button>
      </div>
      <p className="copy-field-status" aria-live="polite">
        {status === 'copied' ? 'Copied to the clipboard.' : null}
        {status === 'failed' ? 'Could not copy automatically: select the text and copy it by hand.' : null}
      </p>
    </div>
  );
}

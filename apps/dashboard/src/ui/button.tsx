/** Buttons: primary (one per view), secondary, danger (destructive), ghost (quiet). */
import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Default 'secondary'. */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** Smaller padding, for table rows. Default false. */
  small?: boolean;
  /** Shows a spinner, disables the button and sets aria-busy while work is under way. Default false. */
  busy?: boolean;
}

export function Button({
  variant = 'secondary',
  small = false,
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

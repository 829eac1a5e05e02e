/**
 * The signed-in person's name (cut short with an ellipsis when long, all of it on hover), opening a small menu with their whole
 * name, email and Sign out.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { paths, useNavigate } from '../router';
import { useSession } from '../session/session-context';
import { Button } from '../ui/button';
import { Email } from '../ui/email';
import { FormError } from '../ui/form-error';

export function UserMenu() {
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (!session.user) return null;
  const { name, email } = session.user;

  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signOut();
      navigate(paths.signIn(), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="user-menu-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        // Read as one phrase at every width (the name is hidden on phones); it contains the visible name.
        aria-label={accountMenuLabel(name)}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="user-menu-name" aria-hidden="true" title={name}>
          {name}
        </span>
      </button>
      {open ? (
        <div className="user-menu-panel" id={menuId}>
          <p className="user-menu-who">
            <strong>{name}</strong>
            <span>
              <Email address={email} />
            </span>
          </p>
          <Button onClick={signOut} busy={busy} className="user-menu-signout">
            Sign out
          </Button>
          <FormError error={error} />
        </div>
      ) : null}
    </div>
  );
}

/** "Account menu for Grace". */
export function accountMenuLabel(name: string): string {
  return `Account menu for ${name.trim() || 'you'}`;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() ||
    '?'
  );
}

/**
 * The frame of every signed-in page: header (workspace switcher, New workspace, account menu), the workspace's
 * navigation when a workspace is open, and the page in <main>. Focus moves to <main> on every page change so
 * keyboard and screen-reader users start at the new page.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, paths, useLocation } from '../router';
import { Button } from '../ui/button';
import { NewWorkspaceDialog } from './new-workspace-dialog';
import { SideNav } from './side-nav';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

export function AppLayout({ workspaceId, children }: { workspaceId?: string; children: ReactNode }) {
  const [creating, setCreating] = useState(false);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={paths.home()} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Socifyr
        </Link>
        <div className="header-workspace">
          <WorkspaceSwitcher currentId={workspaceId} />
          <Button small onClick={() => setCreating(true)}>
            New workspace
          </Button>
        </div>
        <UserMenu />
      </header>
      <div className={`app-body${workspaceId ? '' : ' app-body-single'}`}>
        {workspaceId ? <SideNav workspaceId={workspaceId} /> : null}
        <main id="main" ref={main} tabIndex={-1} className="app-main">
          {children}
        </main>
      </div>
      {creating ? <NewWorkspaceDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

/** The frame of the signed-out pages: a centred card under the name. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-layout">
      <main id="main" className="auth-main">
        <p className="auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          Socifyr
        </p>
        <div className="auth-card">{children}</div>
      </main>
    </div>
  );
}

/**
 * Route guards: pages that need a session send signed-out people to /sign-in?next=<this page>; the sign-in
 * and sign-up pages send signed-in people on to `next` (or home).
 */
import type { ReactNode } from 'react';
import { paths, Redirect, safeReturnPath, useLocation, useSearchParams } from '../router';
import { ErrorState, Loading } from '../ui/states';
import { useSession } from './session-context';

function FullPage({ children }: { children: ReactNode }) {
  return <div className="page-center">{children}</div>;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <FullPage>
        <Loading />
      </FullPage>
    );
  }
  if (state.status === 'error') {
    return (
      <FullPage>
        <ErrorState
          error={state.error}
          title="Could not reach Socifyr"
          onRetry={() => void refresh().catch(() => {})}
        />
      </FullPage>
    );
  }
  if (state.status === 'signed-out')
    return <Redirect to={paths.signIn(location.pathname + location.search)} />;
  return <>{children}</>;
}

export function GuestOnly({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const [query] = useSearchParams();
  if (state.status === 'loading') {
    return (
      <FullPage>
        <Loading />
      </FullPage>
    );
  }
  if (state.status === 'signed-in') return <Redirect to={safeReturnPath(query.get('next'))} />;
  return <>{children}</>;
}

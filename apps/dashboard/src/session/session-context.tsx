/**
 * Who is signed in: loads GET /api/auth/me once, and offers sign-up, sign-in, sign-out and refresh. A 401 from
 * any API call (reported through the UnauthorizedSignal) turns the session to signed-out, and the pages that
 * need a session send the person to /sign-in?next=… .
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { isApiError } from '../api/api-error';
import type { Me, MyWorkspace, User } from '../api/types';
import { hasSessionHint, setSessionHint } from './session-hint';
import type { UnauthorizedSignal } from './unauthorized-signal';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  | { status: 'error'; error: unknown };

export interface SessionValue {
  state: SessionState;
  /** The signed-in person, or null. */
  user: User | null;
  /** Their workspaces with their role in each (empty when signed out). */
  workspaces: MyWorkspace[];
  /** Reloads /auth/me (after creating, renaming, joining or leaving a workspace); resolves to the new Me. */
  refresh(): Promise<Me | null>;
  signUp(input: { name: string; email: string; password: string }): Promise<Me>;
  signIn(input: { email: string; password: string }): Promise<Me>;
  /** Ends the session on the server and forgets it here. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export interface SessionProviderProps {
  unauthorized: UnauthorizedSignal;
  children: ReactNode;
}

export function SessionProvider({ unauthorized, children }: SessionProviderProps) {
  const api = useApi();
  const [state, setState] = useState<SessionState>(() =>
    hasSessionHint() ? { status: 'loading' } : { status: 'signed-out' },
  );

  const load = useCallback(async (): Promise<Me | null> => {
    try {
      const me = await api.auth.me();
      setSessionHint(true);
      setState({ status: 'signed-in', me });
      return me;
    } catch (error) {
      if (isApiError(error, 401)) {
        setSessionHint(false);
        setState({ status: 'signed-out' });
        return null;
      }
      setState((previous) => (previous.status === 'signed-in' ? previous : { status: 'error', error }));
      throw error;
    }
  }, [api]);

  useEffect(() => {
    // Without the hint nobody signed in here: show the sign-in page without asking (and without a 401).
    if (!hasSessionHint()) return;
    load().catch(() => {
      // shown through state.status === 'error'
    });
  }, [load]);

  useEffect(
    () =>
      unauthorized.subscribe(() => {
        setSessionHint(false);
        setState({ status: 'signed-out' });
      }),
    [unauthorized],
  );

  const value = useMemo<SessionValue>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    const mustLoad = async () => {
      const loaded = await load();
      if (!loaded)
        throw new Error('Signed in, but the session was not kept. Are cookies allowed for this site?');
      return loaded;
    };
    return {
      state,
      user: me?.user ?? null,
      workspaces: me?.workspaces ?? [],
      refresh: load,
      async signUp(input) {
        await api.auth.signUp(input);
        return mustLoad();
      },
      async signIn(input) {
        await api.auth.signIn(input);
        return mustLoad();
      },
      async signOut() {
        try {
          await api.auth.signOut();
        } catch (error) {
          // Already signed out is what we wanted.
          if (!isApiError(error, 401)) throw error;
        }
        setSessionHint(false);
        setState({ status: 'signed-out' });
      },
    };
  }, [api, load, state]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it (see app.tsx)');
  return session;
}

/** The signed-in person; only inside pages that require a session. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser() is only for pages behind <RequireSession>');
  return user;
}

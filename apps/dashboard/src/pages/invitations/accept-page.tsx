/**
 * /invitations/accept?token=…[&email=…]: the page an invitation link opens. Signed out, it asks the person to
 * sign in or create an account with the address the link names (both forms get it filled in), and both come
 * back here. Nothing can be known about the invitation before that (the API has no lookup for signed-out
 * people), so the page promises nothing: it is checked on sign-in. Signed in, it accepts the invitation and
 * opens the workspace; when it cannot, it says why in the API's words and what to do.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { errorMessages } from '../../api/api-error';
import type { MyWorkspace } from '../../api/types';
import { AuthLayout } from '../../layout/app-layout';
import { Link, paths, useLocation, useNavigate, useSearchParams } from '../../router';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/button';
import { Email } from '../../ui/email';
import { Notice } from '../../ui/notice';
import { useDocumentTitle } from '../../ui/page';
import { ErrorState, Loading } from '../../ui/states';
import { describeAcceptFailure } from './accept-outcome';
import './accept-page.css';

export function AcceptInvitationPage() {
  useDocumentTitle('Accept invitation');
  const session = useSession();
  const [query] = useSearchParams();
  const token = query.get('token')?.trim() ?? '';
  const email = query.get('email')?.trim() || null;

  return (
    <AuthLayout>
      <h1>Join a workspace</h1>
      {!token ? (
        <Notice tone="danger" title="This link has no invitation in it">
          <p>Open the whole link from the invitation, or ask an admin of the workspace for a new one.</p>
        </Notice>
      ) : session.state.status === 'loading' ? (
        <Loading />
      ) : session.state.status === 'error' ? (
        <ErrorState
          error={session.state.error}
          title="Could not reach Socifyr"
          onRetry={() => void session.refresh().catch(() => {})}
        />
      ) : session.state.status === 'signed-out' ? (
        <SignedOut email={email} />
      ) : (
        <Accepting token={token} />
      )}
    </AuthLayout>
  );
}

function SignedOut({ email }: { email: string | null }) {
  const { pathname, search } = useLocation();
  const here = pathname + search;
  return (
    <>
      <p className="auth-lead">You have been invited to a workspace on Socifyr.</p>
      {email ? (
        <p>
          This link was sent to{' '}
          <strong className="accept-email">
            <Email address={email} />
          </strong>
          . Sign in, or create an account, with that address to join.
        </p>
      ) : (
        <p>Sign in, or create an account, with the email address the invitation was sent to, to join.</p>
      )}
      <p className="accept-note">
        The invitation is checked when you sign in: if it was cancelled, replaced by a newer one or has
        expired, you will be told then.
      </p>
      <div className="accept-actions">
        <Link to={paths.signIn(here, email ?? undefined)} className="btn btn-primary btn-block">
          Sign in to accept
        </Link>
        <Link to={paths.signUp(here, email ?? undefined)} className="btn btn-block">
          Create an account
        </Link>
      </div>
      <p className="auth-switch">You come back here afterwards and join the workspace.</p>
    </>
  );
}

type AcceptState = { status: 'working' } | { status: 'failed'; error: unknown };

/** Accepts once on arrival (and again on Retry), then opens the workspace that was joined. */
function Accepting({ token }: { token: string }) {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<AcceptState>({ status: 'working' });
  const [attempt, setAttempt] = useState(0);
  const started = useRef<number | null>(null);
  const before = useRef<readonly MyWorkspace[]>(session.workspaces);

  useEffect(() => {
    // One request per attempt, even when React runs effects twice in development.
    if (started.current === attempt) return;
    started.current = attempt;
    setState({ status: 'working' });
    api.invitations.accept({ token }).then(
      async () => {
        const known = new Set(before.current.map((workspace) => workspace.id));
        const me = await session.refresh().catch(() => null);
        // The answer is the new membership, which does not name its workspace: it is the new one in the list.
        const joined = me?.workspaces.find((workspace) => !known.has(workspace.id));
        navigate(joined ? paths.workspace(joined.id) : paths.home(), { replace: true });
      },
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [api, token, attempt, session, navigate]);

  if (state.status === 'working') return <Loading label="Accepting the invitation…" />;
  return <AcceptFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
}

function AcceptFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const session = useSession();
  const failure = describeAcceptFailure(error);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await session.signOut();
    } catch (failed) {
      setSignOutError(failed);
      setSigningOut(false);
    }
  };

  return (
    <>
      <div className="accept-failure" role="alert">
        <p className="accept-failure-title">{failure.title}</p>
        <ul className="accept-failure-messages">
          {errorMessages(error).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
      <p>{failure.advice}</p>
      {session.user ? (
        <p className="auth-lead">
          Signed in as <strong className="accept-email">{session.user.email}</strong>.
        </p>
      ) : null}
      <div className="accept-actions">
        {failure.otherAccount ? (
          <Button variant="primary" className="btn-block" busy={signingOut} onClick={signOut}>
            Sign out and use another account
          </Button>
        ) : null}
        {failure.alreadyMember ? (
          <Link to={paths.home()} className="btn btn-primary btn-block">
            Open your workspaces
          </Link>
        ) : null}
        {failure.retry ? (
          <Button variant="primary" className="btn-block" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
        {!failure.alreadyMember ? (
          <Link to={paths.home()} className="btn btn-ghost btn-block">
            Go to the dashboard
          </Link>
        ) : null}
      </div>
      {signOutError ? (
        <Notice tone="danger">
          <p>{errorMessages(signOutError).join(' ')}</p>
        </Notice>
      ) : null}
    </>
  );
}

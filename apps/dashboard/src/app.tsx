/** The dashboard: providers and the route table (every URL of the app is listed here). */
import { ApiProvider } from './api/api-context';
import type { Api } from './api/endpoints';
import { WorkspaceRoute } from './layout/workspace-route';
import { ApiKeysPage } from './pages/api-keys/api-keys-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { SignUpPage } from './pages/auth/sign-up-page';
import { ConnectionsPage } from './pages/connections/connections-page';
import { ContentPage } from './pages/content/content-page';
import { GeneralPage } from './pages/general/general-page';
import { HomePage } from './pages/home-page';
import { AcceptInvitationPage } from './pages/invitations/accept-page';
import { MembersPage } from './pages/members/members-page';
import { NotFoundPage } from './pages/not-found-page';
import { PATTERNS, paths, Redirect, type RouteDefinition, RouterProvider, Routes, useParams } from './router';
import { GuestOnly, RequireSession } from './session/guards';
import { SessionProvider } from './session/session-context';
import type { UnauthorizedSignal } from './session/unauthorized-signal';

function WorkspaceHome() {
  const { workspaceId = '' } = useParams();
  return <Redirect to={paths.apiKeys(workspaceId)} />;
}

export const ROUTES: readonly RouteDefinition[] = [
  {
    path: PATTERNS.home,
    element: (
      <RequireSession>
        <HomePage />
      </RequireSession>
    ),
  },
  {
    path: PATTERNS.signIn,
    element: (
      <GuestOnly>
        <SignInPage />
      </GuestOnly>
    ),
  },
  {
    path: PATTERNS.signUp,
    element: (
      <GuestOnly>
        <SignUpPage />
      </GuestOnly>
    ),
  },
  // Works signed in or out: the page itself asks the person to sign in or sign up.
  { path: PATTERNS.acceptInvitation, element: <AcceptInvitationPage /> },
  { path: PATTERNS.workspace, element: <WorkspaceHome /> },
  {
    path: PATTERNS.apiKeys,
    element: (
      <WorkspaceRoute>
        <ApiKeysPage />
      </WorkspaceRoute>
    ),
  },
  {
    path: PATTERNS.members,
    element: (
      <WorkspaceRoute>
        <MembersPage />
      </WorkspaceRoute>
    ),
  },
  {
    path: PATTERNS.general,
    element: (
      <WorkspaceRoute>
        <GeneralPage />
      </WorkspaceRoute>
    ),
  },
  {
    path: PATTERNS.connections,
    element: (
      <WorkspaceRoute>
        <ConnectionsPage />
      </WorkspaceRoute>
    ),
  },
  {
    path: PATTERNS.content,
    element: (
      <WorkspaceRoute>
        <ContentPage />
      </WorkspaceRoute>
    ),
  },
  { path: '*', element: <NotFoundPage /> },
];

export interface AppProps {
  api: Api;
  /** Fired by the API client on a 401; the session then shows the sign-in page. */
  unauthorized: UnauthorizedSignal;
}

export function App({ api, unauthorized }: AppProps) {
  return (
    <ApiProvider api={api}>
      <RouterProvider>
        <SessionProvider unauthorized={unauthorized}>
          <Routes routes={ROUTES} />
        </SessionProvider>
      </RouterProvider>
    </ApiProvider>
  );
}

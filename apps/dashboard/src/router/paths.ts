/** Every URL of the dashboard in one place; pages link with `paths.apiKeys(workspaceId)`, never by hand. */
const w = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

/** `path?a=…&b=…` with the given (non-empty) values, encoded. */
const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

export const paths = {
  home: () => '/',
  /** `next`: where to go once signed in; `email`: fills in the Email field (e.g. the invited address). */
  signIn: (next?: string, email?: string) => withQuery('/sign-in', { next, email }),
  /** As signIn. */
  signUp: (next?: string, email?: string) => withQuery('/sign-up', { next, email }),
  /** The link an invitation gives: `/invitations/accept?token=…`. */
  acceptInvitation: (token: string) => `/invitations/accept?token=${encodeURIComponent(token)}`,
  workspace: (workspaceId: string) => w(workspaceId),
  apiKeys: (workspaceId: string) => `${w(workspaceId)}/settings/api-keys`,
  members: (workspaceId: string) => `${w(workspaceId)}/settings/members`,
  general: (workspaceId: string) => `${w(workspaceId)}/settings/general`,
  connections: (workspaceId: string) => `${w(workspaceId)}/connections`,
  content: (workspaceId: string) => `${w(workspaceId)}/content`,
} as const;

/** Route patterns, matching `paths` above. */
export const PATTERNS = {
  home: '/',
  signIn: '/sign-in',
  signUp: '/sign-up',
  acceptInvitation: '/invitations/accept',
  workspace: '/w/:workspaceId',
  apiKeys: '/w/:workspaceId/settings/api-keys',
  members: '/w/:workspaceId/settings/members',
  general: '/w/:workspaceId/settings/general',
  connections: '/w/:workspaceId/connections',
  content: '/w/:workspaceId/content',
} as const;

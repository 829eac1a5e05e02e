/** Every URL of the dashboard in one place; pages link with `paths.apiKeys(workspaceId)`, never by hand. */
const w = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  signUp: (next?: string) => (next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'),
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

export { GuestOnly, RequireSession } from './guards';
export { preferredWorkspace, rememberWorkspace } from './last-workspace';
export { PERMISSIONS, type Permission, roleCan, roleLabel } from './permissions';
export {
  SessionProvider,
  type SessionState,
  type SessionValue,
  useCurrentUser,
  useSession,
} from './session-context';
export { createUnauthorizedSignal, type UnauthorizedSignal } from './unauthorized-signal';
export { useWorkspace, WorkspaceProvider, type WorkspaceValue } from './workspace-context';

/**
 * The workspace of the current page (`/w/:workspaceId/…`) and the signed-in person's role in it, with
 * `can(permission)` built from the one permission table.
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { MyWorkspace, RoleKey } from '../api/types';
import { type Permission, roleCan } from './permissions';

export interface WorkspaceValue {
  workspace: MyWorkspace;
  workspaceId: string;
  role: RoleKey;
  /** Whether the person's role in this workspace allows `permission` (see permissions.ts). */
  can(permission: Permission): boolean;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function WorkspaceProvider({ workspace, children }: { workspace: MyWorkspace; children: ReactNode }) {
  const value = useMemo<WorkspaceValue>(
    () => ({
      workspace,
      workspaceId: workspace.id,
      role: workspace.roleKey,
      can: (permission) => roleCan(workspace.roleKey, permission),
    }),
    [workspace],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The current workspace; only inside `/w/:workspaceId/…` pages. */
export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() is only for pages under /w/:workspaceId (see app.tsx)');
  return value;
}

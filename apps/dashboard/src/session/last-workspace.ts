/**
 * Remembers which workspace the person used last in this browser, so `/` opens it again. Only the id is
 * stored (it is no secret); storage failures (private mode, disabled storage) are ignored.
 */
import type { MyWorkspace } from '../api/types';

const STORAGE_KEY = 'socifyr.lastWorkspaceId';

export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, workspaceId);
  } catch {
    // not remembered; `/` then opens the first workspace
  }
}

/** The remembered workspace if the person is still a member of it, else their first one, else null. */
export function preferredWorkspace(workspaces: readonly MyWorkspace[]): MyWorkspace | null {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    // fall through to the first workspace
  }
  return workspaces.find((workspace) => workspace.id === remembered) ?? workspaces[0] ?? null;
}

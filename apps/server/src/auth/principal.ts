import type { RoleKey } from '../db/tables.js';
import type { CachedKey } from '../keys/verification-cache.js';

/** The authenticated caller of a request: a person with a session, or a machine with an API key. */
export type Principal =
  | { kind: 'session'; userId: string; sessionId: string }
  | { kind: 'apiKey'; userId: string; key: CachedKey; roleKey: RoleKey };

/** How a route authenticates: not at all, either kind of caller, or signed-in people only. */
export type AuthMode = 'none' | 'any' | 'session';

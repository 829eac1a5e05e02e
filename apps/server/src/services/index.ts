/** Builds every service once per app from the injected stores. */
import type { PasswordHasher } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';
import type { KeyService } from '../keys/key-service.js';
import type { RateLimitPolicy, RateLimitStore } from '../limits/rate-limiter.js';
import { AccountService } from './accounts.js';
import { ConnectionService } from './connections.js';
import { ContentService } from './content.js';
import { InvitationService } from './invitations.js';
import { MemberService } from './members.js';
import { SessionService } from './sessions.js';
import { WorkspaceService } from './workspaces.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  keys: KeyService;
  passwords: PasswordHasher;
  rateLimits: RateLimitStore;
  policy: RateLimitPolicy;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock, bus } = deps;
  const workspaces = new WorkspaceService(db, clock, bus);
  return {
    keys: deps.keys,
    sessions: new SessionService(db, clock, bus),
    workspaces,
    accounts: new AccountService({ ...deps, workspaces }),
    members: new MemberService(db, clock, bus),
    invitations: new InvitationService(db, clock, bus),
    connections: new ConnectionService(db, clock),
    content: new ContentService(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;

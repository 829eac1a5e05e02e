/** Registers every route. Each file owns one resource; all of them live under /api. */
import type { FastifyInstance } from 'fastify';
import type { WorkspaceContext } from '../auth/workspace-context.js';
import type { OpenApiCollector } from '../http/openapi.js';
import type { Services } from '../services/index.js';
import { apiKeyRoutes } from './api-keys.js';
import { authRoutes } from './auth.js';
import { connectionRoutes } from './connections.js';
import { contentRoutes } from './content.js';
import { invitationRoutes } from './invitations.js';
import { memberRoutes } from './members.js';
import { operationsRoutes } from './operations.js';
import { workspaceRoutes } from './workspaces.js';

export interface RouteDeps {
  services: Services;
  /** Resolves the Actor (user, workspace, role) of a workspace-scoped request. */
  context: WorkspaceContext;
  openapi: OpenApiCollector;
}

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  for (const routes of [
    operationsRoutes,
    authRoutes,
    workspaceRoutes,
    memberRoutes,
    invitationRoutes,
    apiKeyRoutes,
    connectionRoutes,
    contentRoutes,
  ]) {
    routes(app, deps);
  }
}

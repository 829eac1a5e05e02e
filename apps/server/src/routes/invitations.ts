import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './index.js';

export function invitationRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}

import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './index.js';

export function memberRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}

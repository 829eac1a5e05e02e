import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './index.js';

export function contentRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}

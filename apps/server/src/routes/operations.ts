import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { Envelope } from '../http/schemas.js';
import { SERVER_VERSION } from '../version.js';
import type { RouteDeps } from './index.js';

export function operationsRoutes(app: FastifyInstance, { openapi }: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { auth: 'none' },
      schema: {
        tags: ['Operations'],
        summary: 'Liveness check (no authentication, no rate limit)',
        response: { 200: Envelope(Type.Object({ status: Type.Literal('ok') })) },
      },
    },
    async () => ok({ status: 'ok' as const }),
  );

  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', { config: { auth: 'none' } }, async () => {
    document ??= openapi.document(SERVER_VERSION);
    return document;
  });
}

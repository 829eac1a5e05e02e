import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { ApiKey, Envelope, FreeText, NullEnvelope, WorkspaceParams } from '../http/schemas.js';
import type { RouteDeps } from './index.js';

const CreateKeyBody = Type.Object(
  {
    label: FreeText(100, 'What the key is for, e.g. "Production backend"'),
  },
  { additionalProperties: false },
);
const KeyParams = Type.Object({ id: Type.String(), keyId: Type.String() });

export function apiKeyRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['API keys'];

  app.get(
    '/api/workspaces/:id/api-keys',
    {
      schema: {
        tags,
        summary: 'Keys of the workspace, newest first (ADMIN+: all; others: their own)',
        params: WorkspaceParams,
        response: { 200: Envelope(Type.Array(ApiKey)) },
      },
    },
    async (request) => ok(await services.keys.list(await context.actorFor(request, request.params.id))),
  );

  app.post(
    '/api/workspaces/:id/api-keys',
    {
      schema: {
        tags,
        summary: 'Create a key acting as the caller; the plaintext is returned here only',
        params: WorkspaceParams,
        body: CreateKeyBody,
        response: { 201: Envelope(Type.Object({ plaintext: Type.String(), key: ApiKey })) },
      },
    },
    async (request, reply) => {
      const actor = await context.actorFor(request, request.params.id);
      const created = await services.keys.create(actor, request.body.label.trim());
      request.log.info({ keyId: created.key.id, hint: created.key.hint }, 'api key created');
      return reply.status(201).send(ok(created));
    },
  );

  app.delete(
    '/api/workspaces/:id/api-keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Delete a key (its creator, or ADMIN+); it fails at once',
        params: KeyParams,
        response: { 200: NullEnvelope },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      await services.keys.delete(actor, request.params.keyId);
      request.log.info({ keyId: request.params.keyId }, 'api key deleted');
      return ok(null);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { Envelope, FreeText, NullEnvelope, WorkspaceParams } from '../http/schemas.js';
import { HANDLE_MAX_LENGTH, PLATFORMS, type Platform } from '../services/connections.js';
import type { RouteDeps } from './index.js';

export const Connection = Type.Object({
  id: Type.String({ description: 'Connection id (con_…)' }),
  slug: Type.String({ description: '<platform>-<handle in lower case>, e.g. x-brand; posts name it' }),
  platform: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
});

const CreateConnectionBody = Type.Object(
  {
    // An enum rather than a union, so a wrong value is reported once with the allowed values.
    platform: Type.Unsafe<Platform>({ type: 'string', enum: [...PLATFORMS] }),
    handle: Type.String({
      minLength: 1,
      maxLength: HANDLE_MAX_LENGTH,
      // Empty passes the pattern so that case gets the plainer minLength message alone.
      pattern: '^(@?[A-Za-z0-9._-]+)?$',
      'x-pattern-message':
        'must contain only letters, digits, dots, underscores and hyphens (a leading @ is allowed), e.g. @brand',
      description: 'The account name on the platform; a leading "@" is dropped',
    }),
    name: Type.Optional(FreeText(100, 'Display name; defaults to the handle')),
  },
  { additionalProperties: false },
);
const ConnectionParams = Type.Object({ id: Type.String(), connectionId: Type.String() });

export function connectionRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Connections'];
  const listResponse = { 200: Envelope(Type.Array(Connection)) };

  app.get(
    '/api/connections',
    {
      schema: {
        tags,
        summary: "Connections of the caller's workspace (the key's, X-Workspace-Id, or the first one)",
        response: listResponse,
      },
    },
    async (request) => ok(await services.connections.list(await context.actorFor(request))),
  );

  app.get(
    '/api/workspaces/:id/connections',
    {
      schema: {
        tags,
        summary: 'Connections of the workspace, oldest first',
        params: WorkspaceParams,
        response: listResponse,
      },
    },
    async (request) =>
      ok(await services.connections.list(await context.actorFor(request, request.params.id))),
  );

  app.post(
    '/api/workspaces/:id/connections',
    {
      schema: {
        tags,
        summary: 'Register a social account (ADMIN+); its slug is <platform>-<handle>',
        params: WorkspaceParams,
        body: CreateConnectionBody,
        response: { 201: Envelope(Connection) },
      },
    },
    async (request, reply) => {
      const actor = await context.actorFor(request, request.params.id);
      const connection = await services.connections.create(actor, request.body);
      return reply.status(201).send(ok(connection));
    },
  );

  app.delete(
    '/api/workspaces/:id/connections/:connectionId',
    {
      schema: {
        tags,
        summary: 'Remove a connection (ADMIN+); posts keep the slugs they name',
        params: ConnectionParams,
        response: { 200: NullEnvelope },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      await services.connections.delete(actor, request.params.connectionId);
      return ok(null);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { Envelope, FreeText, NullEnvelope, Workspace, WorkspaceParams } from '../http/schemas.js';
import type { RouteDeps } from './index.js';

export const WorkspaceName = FreeText(100);
const NameBody = Type.Object({ name: WorkspaceName }, { additionalProperties: false });

export function workspaceRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Workspaces'];

  app.get(
    '/api/workspaces',
    {
      schema: {
        tags,
        summary: 'Workspaces of the caller (a key sees its own one)',
        response: { 200: Envelope(Type.Array(Workspace)) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (principal.kind === 'apiKey') {
        const actor = await context.actorFor(request);
        return ok([await services.workspaces.get(actor)]);
      }
      return ok(await services.workspaces.listForUser(principal.userId));
    },
  );

  app.post(
    '/api/workspaces',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Create a workspace; the caller becomes OWNER',
        body: NameBody,
        response: { 201: Envelope(Workspace) },
      },
    },
    async (request, reply) => {
      const workspace = await services.workspaces.create(request.principal!.userId, request.body.name.trim());
      return reply.status(201).send(ok(workspace));
    },
  );

  app.get(
    '/api/workspaces/:id',
    {
      schema: {
        tags,
        summary: 'One workspace',
        params: WorkspaceParams,
        response: { 200: Envelope(Workspace) },
      },
    },
    async (request) => ok(await services.workspaces.get(await context.actorFor(request, request.params.id))),
  );

  app.patch(
    '/api/workspaces/:id',
    {
      schema: {
        tags,
        summary: 'Rename (ADMIN+)',
        params: WorkspaceParams,
        body: NameBody,
        response: { 200: Envelope(Workspace) },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      return ok(await services.workspaces.rename(actor, request.body.name.trim()));
    },
  );

  app.delete(
    '/api/workspaces/:id',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Delete with everything in it (OWNER, signed in)',
        params: WorkspaceParams,
        response: { 200: NullEnvelope },
      },
    },
    async (request) => {
      await services.workspaces.delete(await context.actorFor(request, request.params.id));
      return ok(null);
    },
  );
}

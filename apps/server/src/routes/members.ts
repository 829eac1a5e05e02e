import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ROLE_KEYS } from '../auth/permissions.js';
import type { RoleKey } from '../db/tables.js';
import { ok } from '../http/envelope.js';
import {
  Envelope,
  NullEnvelope,
  RoleKey as RoleKeySchema,
  roleKeyEnum,
  WorkspaceParams,
} from '../http/schemas.js';
import type { RouteDeps } from './index.js';

/** A member as the API shows it; also the answer of accepting an invitation. */
export const Member = Type.Object({
  id: Type.String({ description: 'Membership id (mem_…)' }),
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  roleKey: RoleKeySchema,
  joinedAt: Type.String(),
});

const MemberParams = Type.Object({
  id: Type.String({ description: 'Workspace id (ws_…)' }),
  userId: Type.String({ description: 'User id (usr_…) of the member' }),
});
const ChangeRoleBody = Type.Object({ roleKey: roleKeyEnum(ROLE_KEYS) }, { additionalProperties: false });

export function memberRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Members and invitations'];

  app.get(
    '/api/workspaces/:id/members',
    {
      schema: {
        tags,
        summary: 'Members of the workspace, in the order they joined',
        params: WorkspaceParams,
        response: { 200: Envelope(Type.Array(Member)) },
      },
    },
    async (request) => ok(await services.members.list(await context.actorFor(request, request.params.id))),
  );

  app.patch(
    '/api/workspaces/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (ADMIN+; granting or changing OWNER needs OWNER)",
        params: MemberParams,
        body: ChangeRoleBody,
        response: { 200: Envelope(Member) },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      const { userId } = request.params;
      const roleKey = request.body.roleKey as RoleKey;
      const member = await services.members.changeRole(actor, userId, roleKey);
      request.log.info({ workspaceId: actor.workspaceId, userId, roleKey }, 'member role changed');
      return ok(member);
    },
  );

  app.delete(
    '/api/workspaces/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (ADMIN+, or yourself); their API keys turn inactive',
        params: MemberParams,
        response: { 200: NullEnvelope },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      await services.members.remove(actor, request.params.userId);
      request.log.info({ workspaceId: actor.workspaceId, userId: request.params.userId }, 'member removed');
      return ok(null);
    },
  );
}

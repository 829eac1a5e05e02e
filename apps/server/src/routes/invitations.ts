import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { INVITABLE_ROLE_KEYS } from '../auth/permissions.js';
import type { RoleKey } from '../db/tables.js';
import { ok } from '../http/envelope.js';
import {
  EmailAddress,
  Envelope,
  IsoDateTime,
  NullEnvelope,
  RoleKey as RoleKeySchema,
  roleKeyEnum,
  WorkspaceParams,
} from '../http/schemas.js';
import type { RouteDeps } from './index.js';
import { Member } from './members.js';

const Invitation = Type.Object({
  id: Type.String({ description: 'Invitation id (inv_…)' }),
  email: Type.String(),
  roleKey: RoleKeySchema,
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
});
const CreatedInvitation = Type.Object({
  ...Invitation.properties,
  token: Type.String({ description: 'Give this to the invited person; it is shown only here' }),
});

const CreateInvitationBody = Type.Object(
  {
    email: EmailAddress,
    roleKey: roleKeyEnum(INVITABLE_ROLE_KEYS),
  },
  { additionalProperties: false },
);
const AcceptBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, description: 'The token from the invitation' }) },
  { additionalProperties: false },
);
const InvitationParams = Type.Object({
  id: Type.String({ description: 'Workspace id (ws_…)' }),
  invitationId: Type.String({ description: 'Invitation id (inv_…)' }),
});

export function invitationRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Members and invitations'];

  app.post(
    '/api/workspaces/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email (ADMIN+); the token is returned here only',
        params: WorkspaceParams,
        body: CreateInvitationBody,
        response: { 201: Envelope(CreatedInvitation) },
      },
    },
    async (request, reply) => {
      const actor = await context.actorFor(request, request.params.id);
      const { email, roleKey } = request.body;
      const invitation = await services.invitations.create(actor, { email, roleKey: roleKey as RoleKey });
      request.log.info(
        { workspaceId: actor.workspaceId, invitationId: invitation.id, roleKey },
        'invitation created',
      );
      return reply.status(201).send(ok(invitation));
    },
  );

  app.get(
    '/api/workspaces/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations, without tokens (ADMIN+)',
        params: WorkspaceParams,
        response: { 200: Envelope(Type.Array(Invitation)) },
      },
    },
    async (request) =>
      ok(await services.invitations.list(await context.actorFor(request, request.params.id))),
  );

  app.delete(
    '/api/workspaces/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation (ADMIN+)',
        params: InvitationParams,
        response: { 200: NullEnvelope },
      },
    },
    async (request) => {
      const actor = await context.actorFor(request, request.params.id);
      await services.invitations.revoke(actor, request.params.invitationId);
      request.log.info({ invitationId: request.params.invitationId }, 'invitation withdrawn');
      return ok(null);
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: "Join a workspace with an invitation's token (signed in as the invited email)",
        body: AcceptBody,
        // It creates a membership, and creates answer 201 (API.md, Transport).
        response: { 201: Envelope(Member) },
      },
    },
    async (request, reply) => {
      const member = await services.invitations.accept(request.principal!.userId, request.body.token);
      request.log.info({ userId: member.userId, membershipId: member.id }, 'invitation accepted');
      return reply.status(201).send(ok(member));
    },
  );
}

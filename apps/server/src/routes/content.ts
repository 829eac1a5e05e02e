import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { Envelope, NullEnvelope } from '../http/schemas.js';
import { CreatePostBody, ListQuery, Post, PostPage, PostParams, UpdatePostBody } from './content-schemas.js';
import type { RouteDeps } from './index.js';

export function contentRoutes(base: FastifyInstance, { services, context }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Content'];
  const postResponse = { 200: Envelope(Post) };

  app.get(
    '/api/content',
    {
      schema: {
        tags,
        summary: 'Posts of the workspace, newest first, one page at a time',
        querystring: ListQuery,
        response: { 200: Envelope(PostPage) },
      },
    },
    async (request) => {
      return ok(await services.content.list(await context.actorFor(request), request.query));
    },
  );

  app.post(
    '/api/content/text',
    {
      schema: {
        tags,
        summary: 'Create a text post: a draft, or scheduled when scheduledAt is given (not CONTRIBUTOR)',
        body: CreatePostBody,
        response: { 201: Envelope(Post) },
      },
    },
    async (request, reply) => {
      const post = await services.content.create(await context.actorFor(request), request.body);
      return reply.status(201).send(ok(post));
    },
  );

  app.get(
    '/api/content/:postId',
    { schema: { tags, summary: 'One post', params: PostParams, response: postResponse } },
    async (request) => ok(await services.content.get(await context.actorFor(request), request.params.postId)),
  );

  app.patch(
    '/api/content/:postId',
    {
      schema: {
        tags,
        summary: 'Change text, connections or schedule (CONTRIBUTOR: own drafts, no schedule)',
        params: PostParams,
        body: UpdatePostBody,
        response: postResponse,
      },
    },
    async (request) => {
      const actor = await context.actorFor(request);
      return ok(await services.content.update(actor, request.params.postId, request.body));
    },
  );

  app.post(
    '/api/content/:postId/archive',
    {
      schema: {
        tags,
        summary: 'Archive a post (idempotent)',
        params: PostParams,
        response: postResponse,
      },
    },
    async (request) => {
      const actor = await context.actorFor(request);
      return ok(await services.content.archive(actor, request.params.postId));
    },
  );

  app.delete(
    '/api/content/:postId',
    {
      schema: { tags, summary: 'Delete a post', params: PostParams, response: { 200: NullEnvelope } },
    },
    async (request) => {
      await services.content.delete(await context.actorFor(request), request.params.postId);
      return ok(null);
    },
  );
}

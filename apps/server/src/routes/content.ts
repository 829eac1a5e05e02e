import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ok } from '../http/envelope.js';
import { AppError } from '../http/errors.js';
import { Envelope, NullEnvelope } from '../http/schemas.js';
import {
  CreatePostBody,
  ListQuery,
  PAGE_LIMIT_MAX,
  Post,
  PostPage,
  PostParams,
  UpdatePostBody,
} from './content-schemas.js';
import type { RouteDeps } from './index.js';

/**
 * Query numbers too large for a double arrive as ±Infinity after coercion, and Ajv skips `minimum` and
 * `maximum` for non-finite numbers; refuse them here in the schema's own words.
 */
function assertFinitePaging({ page, limit }: { page: number; limit: number }): void {
  const outOfRange = (name: string, value: number, max: number) =>
    value < 0 ? `${name} must not be less than 1` : `${name} must not be greater than ${max}`;
  const problems: string[] = [];
  if (!Number.isFinite(page)) problems.push(outOfRange('page', page, Number.MAX_SAFE_INTEGER));
  if (!Number.isFinite(limit)) problems.push(outOfRange('limit', limit, PAGE_LIMIT_MAX));
  if (problems.length > 0) throw new AppError('validation', problems);
}

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
      assertFinitePaging(request.query);
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

/** Request and response schemas of the content routes. */
import { Type } from '@sinclair/typebox';
import type { PostStatus } from '../db/tables.js';
import { FreeText, IsoDateTime, Nullable } from '../http/schemas.js';
import { SLUG_MAX_LENGTH } from '../services/connections.js';

const POST_STATUSES = ['draft', 'scheduled', 'archived'] as const satisfies readonly PostStatus[];
export const TEXT_MAX_LENGTH = 10_000;
export const CONNECTIONS_PER_POST_MAX = 50;
export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 20;

export const Post = Type.Object({
  id: Type.String({ description: 'Post id (post_…)' }),
  text: Type.String(),
  connections: Type.Array(Type.String(), { description: 'Slugs of the connections it goes to' }),
  status: Type.Union(POST_STATUSES.map((s) => Type.Literal(s))),
  scheduledAt: Nullable(Type.String()),
  createdBy: Type.Object({
    userId: Type.String(),
    apiKeyId: Nullable(Type.String({ description: 'The key it was created with; null for a session' })),
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PostPage = Type.Object({
  results: Type.Array(Post),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});

export const ListQuery = Type.Object(
  {
    // An enum rather than a union, so a wrong value is reported once with the allowed values.
    status: Type.Optional(Type.Unsafe<PostStatus>({ type: 'string', enum: [...POST_STATUSES] })),
    page: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 1 }),
    limit: Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT }),
  },
  { additionalProperties: false },
);

const Connections = Type.Array(Type.String({ minLength: 1, maxLength: SLUG_MAX_LENGTH }), {
  minItems: 1,
  maxItems: CONNECTIONS_PER_POST_MAX,
  uniqueItems: true,
  description: 'Slugs of connections of the workspace, e.g. ["x-brand"]',
});
const Text = FreeText(TEXT_MAX_LENGTH);

export const CreatePostBody = Type.Object(
  {
    connections: Connections,
    text: Text,
    scheduledAt: Type.Optional({ ...IsoDateTime, description: 'When to publish; must be in the future' }),
  },
  { additionalProperties: false },
);

export const UpdatePostBody = Type.Object(
  {
    text: Type.Optional(Text),
    connections: Type.Optional(Connections),
    scheduledAt: Type.Optional(
      Nullable({ ...IsoDateTime, description: 'A future time schedules the post; null makes it a draft' }),
    ),
  },
  { additionalProperties: false },
);

export const PostParams = Type.Object({ postId: Type.String({ description: 'Post id (post_…)' }) });

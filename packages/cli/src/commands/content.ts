/** `socifyr content`: list, read, write, archive and delete the workspace's posts. */
import type { ContentPage, Post, PostStatus } from '@socifyr/sdk';
import { integerOption, stringOption, stringsOption } from '../args.js';
import { type Column, formatDate, formatTime, renderFields, renderTable, truncate } from '../output.js';
import type { Command } from './command.js';

/** Characters of a post's text shown in the list; `content get` shows all of it. */
const LIST_TEXT_MAX_CHARS = 48;
/** The API's largest page. */
const PAGE_LIMIT_MAX = 100;

const COLUMNS: Column<Post>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'status', value: (p) => p.status },
  { header: 'scheduled', value: (p) => formatTime(p.scheduledAt) },
  { header: 'connections', value: (p) => p.connections.join(',') },
  { header: 'created', value: (p) => formatDate(p.createdAt) },
  { header: 'text', value: (p) => truncate(p.text, LIST_TEXT_MAX_CHARS) },
];

export const contentList: Command = {
  path: ['content', 'list'],
  aliases: [['content']],
  summary: 'List posts, newest first, one page at a time',
  options: {
    status: {
      type: 'string',
      placeholder: '<status>',
      description: 'Only draft, scheduled or archived posts',
    },
    page: { type: 'string', placeholder: '<n>', description: 'Page number, from 1 (default 1)' },
    limit: {
      type: 'string',
      placeholder: '<n>',
      description: `Posts per page, 1–${PAGE_LIMIT_MAX} (default 20)`,
    },
  },
  examples: ['socifyr content list --status scheduled', 'socifyr content list --page 2 --limit 50'],
  async run(context) {
    const status = stringOption(context.values, 'status') as PostStatus | undefined;
    const page = integerOption(context.values, 'page', 1, Number.MAX_SAFE_INTEGER);
    const limit = integerOption(context.values, 'limit', 1, PAGE_LIMIT_MAX);
    const result = await context.client().content.list({
      ...(status !== undefined && { status }),
      ...(page !== undefined && { page }),
      ...(limit !== undefined && { limit }),
    });
    context.print(result, (data) => renderPage(data, status, limit));
  },
};

/** The page as a table, with where it sits among the pages and the command for the next one. */
function renderPage(data: ContentPage, status: string | undefined, limit: number | undefined): string {
  const kind = status ? `${status} posts` : 'posts';
  const counted = `${data.total} ${data.total === 1 ? kind.replace(/s$/, '') : kind}`;
  const pages = Math.max(1, Math.ceil(data.total / data.limit));
  const pageCount = pages === 1 ? '1 page' : `${pages} pages`;
  if (data.total === 0) {
    return status
      ? `No ${kind}.\n`
      : 'No posts yet. Write one with: socifyr content create --text "…" --connection <slug>\n';
  }
  if (data.results.length === 0) return `No ${kind} on page ${data.page}: ${counted} in ${pageCount}.\n`;
  const filters = `${status ? ` --status ${status}` : ''}${limit ? ` --limit ${limit}` : ''}`;
  const next = data.page < pages ? ` Next: socifyr content list${filters} --page ${data.page + 1}` : '';
  return `${renderTable(COLUMNS, data.results)}\nPage ${data.page} of ${pages}, ${counted}.${next}\n`;
}

/** One post: its fields, then its full text as written. */
function renderPost(post: Post): string {
  const createdBy = post.createdBy.apiKeyId
    ? `${post.createdBy.userId} with key ${post.createdBy.apiKeyId}`
    : post.createdBy.userId;
  return `${renderFields([
    ['ID', post.id],
    ['Status', post.status],
    ['Connections', post.connections.join(', ')],
    ['Scheduled', formatTime(post.scheduledAt)],
    ['Created', `${formatTime(post.createdAt)} by ${createdBy}`],
    ['Updated', formatTime(post.updatedAt)],
  ])}\n${post.text}\n`;
}

export const contentGet: Command = {
  path: ['content', 'get'],
  summary: 'Show one post',
  args: [{ name: 'id', description: 'The post id (post_…)' }],
  async run(context) {
    context.print(await context.client().content.get(context.args[0]!), renderPost);
  },
};

export const contentCreate: Command = {
  path: ['content', 'create'],
  summary: 'Write a text post: a draft, or scheduled with --scheduled-at',
  options: {
    text: {
      type: 'string',
      required: true,
      placeholder: '<text>',
      description: 'The post (1–10,000 characters)',
    },
    connection: {
      type: 'string',
      multiple: true,
      required: true,
      placeholder: '<slug>',
      description: 'A connection to post to, e.g. x-brand; repeat for several',
    },
    'scheduled-at': {
      type: 'string',
      placeholder: '<iso-time>',
      description: 'When to publish, in the future, e.g. 2030-01-31T09:00:00Z (default: a draft)',
    },
  },
  examples: [
    'socifyr content create --text "Hello" --connection x-brand',
    'socifyr content create --text "Launch" --connection x-brand --connection linkedin-brand --scheduled-at 2030-01-31T09:00:00Z',
  ],
  async run(context) {
    const scheduledAt = stringOption(context.values, 'scheduled-at');
    const post = await context.client().content.createText({
      text: stringOption(context.values, 'text')!,
      connections: stringsOption(context.values, 'connection'),
      ...(scheduledAt !== undefined && { scheduledAt }),
    });
    context.print(post, renderPost);
  },
};

export const contentArchive: Command = {
  path: ['content', 'archive'],
  summary: 'Archive a post',
  args: [{ name: 'id', description: 'The post id (post_…)' }],
  async run(context) {
    context.print(await context.client().content.archive(context.args[0]!), renderPost);
  },
};

export const contentDelete: Command = {
  path: ['content', 'delete'],
  summary: 'Delete a post',
  args: [{ name: 'id', description: 'The post id (post_…)' }],
  async run(context) {
    const id = context.args[0]!;
    await context.client().content.delete(id);
    context.print(null, () => `Deleted post ${id}.\n`);
  },
};

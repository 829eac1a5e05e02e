/** `socifyr connections`: list, add and remove the workspace's social accounts. */
import type { Connection, Platform } from '@socifyr/sdk';
import { stringOption } from '../args.js';
import { CliError } from '../errors.js';
import { type Column, formatDate, renderFields, renderTable } from '../output.js';
import type { Command } from './command.js';

const COLUMNS: Column<Connection>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'slug', value: (c) => c.slug },
  { header: 'platform', value: (c) => c.platform },
  { header: 'name', value: (c) => c.name },
  { header: 'created', value: (c) => formatDate(c.createdAt) },
];

export const connectionsList: Command = {
  path: ['connections'],
  aliases: [['connections', 'list']],
  summary: "List the workspace's connections (social accounts posts go to)",
  examples: ['socifyr connections', 'socifyr connections --json | jq -r ".[].slug"'],
  async run(context) {
    const connections = await context.client().connections.list();
    context.print(connections, (rows) =>
      rows.length === 0
        ? 'No connections yet. Add one with: socifyr connections add --platform x --handle <handle>\n'
        : renderTable(COLUMNS, rows),
    );
  },
};

export const connectionsAdd: Command = {
  path: ['connections', 'add'],
  summary: 'Register a social account; its slug is <platform>-<handle>',
  options: {
    platform: {
      type: 'string',
      required: true,
      placeholder: '<platform>',
      description: 'x, linkedin, threads, bluesky, facebook, instagram, reddit, pinterest, tiktok or youtube',
    },
    handle: {
      type: 'string',
      required: true,
      placeholder: '<handle>',
      description: 'The account handle, e.g. brand',
    },
    name: { type: 'string', placeholder: '<name>', description: 'Display name (default: the handle)' },
  },
  examples: ['socifyr connections add --platform x --handle brand --name "Brand on X"'],
  async run(context) {
    const name = stringOption(context.values, 'name');
    const connection = await context.client().workspaces.createConnection(await context.workspaceId(), {
      platform: stringOption(context.values, 'platform') as Platform,
      handle: stringOption(context.values, 'handle')!,
      ...(name !== undefined && { name }),
    });
    context.print(connection, (c) =>
      renderFields([
        ['Added', `${c.slug} (${c.id})`],
        ['Platform', c.platform],
        ['Name', c.name],
      ]),
    );
  },
};

export const connectionsRemove: Command = {
  path: ['connections', 'remove'],
  summary: 'Remove a connection, named by its id (con_…) or its slug',
  args: [{ name: 'id-or-slug', description: 'The connection id (con_…) or slug (x-brand)' }],
  examples: ['socifyr connections remove x-brand'],
  async run(context) {
    const wanted = context.args[0]!;
    const client = context.client();
    const workspaceId = await context.workspaceId();
    const connections = await client.workspaces.listConnections(workspaceId);
    const connection = connections.find((c) => c.id === wanted || c.slug === wanted);
    if (!connection) {
      throw CliError.usage(
        `No connection "${wanted}" in workspace ${workspaceId}. Run socifyr connections to see them.`,
      );
    }
    await client.workspaces.disconnectPlatform(workspaceId, connection.id);
    context.print(null, () => `Removed connection ${connection.slug} (${connection.id}).\n`);
  },
};

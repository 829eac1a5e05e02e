/** `socifyr workspaces list`: the workspaces the caller can act in (a key: its own one). */
import type { Workspace } from '@socifyr/sdk';
import { type Column, formatDate, renderTable } from '../output.js';
import type { Command } from './command.js';

const COLUMNS: Column<Workspace>[] = [
  { header: 'id', value: (w) => w.id },
  { header: 'name', value: (w) => w.name },
  { header: 'tier', value: (w) => w.tier },
  { header: 'created', value: (w) => formatDate(w.createdAt) },
];

export const workspacesList: Command = {
  path: ['workspaces', 'list'],
  aliases: [['workspaces']],
  summary: 'List the workspaces the key can act in (its own one)',
  async run(context) {
    const workspaces = await context.client().workspaces.list();
    context.print(workspaces, (rows) =>
      rows.length === 0 ? 'No workspaces.\n' : renderTable(COLUMNS, rows),
    );
  },
};

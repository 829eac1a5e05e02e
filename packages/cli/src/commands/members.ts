/** `socifyr members list`: who belongs to the workspace, with which role. */
import type { Member } from '@socifyr/sdk';
import { type Column, formatDate, renderTable } from '../output.js';
import type { Command } from './command.js';

const COLUMNS: Column<Member>[] = [
  { header: 'user id', value: (m) => m.userId },
  { header: 'name', value: (m) => m.name },
  { header: 'email', value: (m) => m.email },
  { header: 'role', value: (m) => m.roleKey },
  { header: 'joined', value: (m) => formatDate(m.joinedAt) },
];

export const membersList: Command = {
  path: ['members', 'list'],
  aliases: [['members']],
  summary: "List the workspace's members and their roles",
  async run(context) {
    const members = await context.client().workspaces.listMembers(await context.workspaceId());
    context.print(members, (rows) => (rows.length === 0 ? 'No members.\n' : renderTable(COLUMNS, rows)));
  },
};

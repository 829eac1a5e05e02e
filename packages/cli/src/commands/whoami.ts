/** `socifyr whoami`: who the key acts as, in which workspace, and which key it is. */
import type { Me } from '@socifyr/sdk';
import { renderFields } from '../output.js';
import type { Command } from './command.js';

export const whoami: Command = {
  path: ['whoami'],
  summary: 'Show who the key acts as, its workspace, and the key (label, hint, role)',
  examples: ['socifyr whoami', 'socifyr whoami --json | jq -r ".workspaces[0].id"'],
  async run(context) {
    const me = await context.client().auth.me();
    context.print(me, renderMe);
  },
};

function renderMe(me: Me): string {
  const fields: [string, string][] = [['User', `${me.user.name} <${me.user.email}> (${me.user.id})`]];
  for (const workspace of me.workspaces) {
    fields.push(['Workspace', `${workspace.name} (${workspace.id})`], ['Role', workspace.roleKey]);
  }
  if (me.apiKey) {
    fields.push(['API key', `${me.apiKey.label}  ${me.apiKey.hint}  (${me.apiKey.id})`]);
    fields.push(['Key role', me.apiKey.roleKey]);
  }
  return renderFields(fields);
}

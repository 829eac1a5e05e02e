/** `socifyr keys`: list, create and delete the workspace's API keys. */
import type { ApiKey } from '@socifyr/sdk';
import { stringOption } from '../args.js';
import { type Column, formatDate, formatTime, renderTable } from '../output.js';
import type { Command } from './command.js';

const COLUMNS: Column<ApiKey>[] = [
  { header: 'id', value: (k) => k.id },
  { header: 'label', value: (k) => k.label },
  { header: 'hint', value: (k) => k.hint },
  { header: 'role', value: (k) => k.roleKey ?? '—' },
  { header: 'status', value: (k) => k.status },
  { header: 'created by', value: (k) => k.createdBy.email },
  { header: 'created', value: (k) => formatDate(k.createdAt) },
  { header: 'last used', value: (k) => formatTime(k.lastUsedAt, 'never') },
];

export const keysList: Command = {
  path: ['keys', 'list'],
  aliases: [['keys']],
  summary: 'List API keys, newest first (admins see every key of the workspace, others their own)',
  examples: [
    'socifyr keys list',
    'socifyr keys list --json | jq -r ".[] | select(.lastUsedAt == null) | .id"',
  ],
  async run(context) {
    const keys = await context.client().workspaces.listApiKeys(await context.workspaceId());
    context.print(keys, (rows) =>
      rows.length === 0
        ? 'No API keys yet. Create one with: socifyr keys create --label <label>\n'
        : renderTable(COLUMNS, rows),
    );
  },
};

export const keysCreate: Command = {
  path: ['keys', 'create'],
  summary: 'Create a key and print it, once: alone on stdout, so KEY=$(socifyr keys create …) captures it',
  options: {
    label: {
      type: 'string',
      required: true,
      placeholder: '<label>',
      description: 'What the key is for, e.g. "CI bot" (1–100 characters)',
    },
  },
  examples: [
    'socifyr keys create --label "CI bot"',
    'KEY=$(socifyr keys create --label "CI bot")',
    'socifyr keys create --label "CI bot" --json   # {"plaintext": "sk_…", "key": {…}}',
  ],
  async run(context) {
    const created = await context.client().workspaces.createApiKey(await context.workspaceId(), {
      label: stringOption(context.values, 'label')!,
    });
    if (context.json) {
      context.print(created, () => '');
      return;
    }
    // The plaintext alone on stdout; everything said about it goes to stderr.
    context.stdout(`${created.plaintext}\n`);
    context.note(
      `Created key ${created.key.id} "${created.key.label}" (${created.key.hint}). Store it now: it is shown only this once.`,
    );
  },
};

export const keysDelete: Command = {
  path: ['keys', 'delete'],
  summary: 'Delete a key; it stops working at once',
  args: [{ name: 'id', description: 'The key id (key_…), from socifyr keys list' }],
  examples: ['socifyr keys delete key_…'],
  async run(context) {
    const id = context.args[0]!;
    await context.client().workspaces.deleteApiKey(await context.workspaceId(), id);
    context.print(null, () => `Deleted API key ${id}.\n`);
  },
};

/** Every command, in the order help lists them. */
import type { Command } from './command.js';
import { configure } from './configure.js';
import { connectionsAdd, connectionsList, connectionsRemove } from './connections.js';
import { contentArchive, contentCreate, contentDelete, contentGet, contentList } from './content.js';
import { keysCreate, keysDelete, keysList } from './keys.js';
import { membersList } from './members.js';
import { whoami } from './whoami.js';
import { workspacesList } from './workspaces.js';

export const COMMANDS: readonly Command[] = [
  configure,
  whoami,
  connectionsList,
  connectionsAdd,
  connectionsRemove,
  keysList,
  keysCreate,
  keysDelete,
  contentList,
  contentGet,
  contentCreate,
  contentArchive,
  contentDelete,
  membersList,
  workspacesList,
];

/**
 * Content changes racing each other. A change reads the post, checks it (archived? whose draft?), then
 * writes; another request may land in between. Here that other request's write is made, deterministically,
 * right after the service's read, by a Kysely plugin on the app's database that runs it through a second
 * Kysely on the same SQLite connection (the app's own connection is busy until the read returns).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/tables.js';
import { useRaceDatabase } from '../test/after-next-read.js';
import { actingIn, addMember, expectError, type Headers, sessionHeaders, signUp } from '../test/harness.js';
import { FUTURE, useContentHarness } from './content.fixture.js';

/** What another request writes to the post meanwhile. */
type Meanwhile = (db: Db, postId: string) => Promise<unknown>;
type Change = 'PATCH' | 'POST' | 'DELETE';

const { between, db, other } = useRaceDatabase('posts');

const { h, connect, postId } = useContentHarness({ db });

const CHANGED =
  'Post was changed by someone else while this request ran; fetch it again and retry if your change still applies';

/** An OWNER with a connection, and a CONTRIBUTOR of that workspace with a draft of their own. */
async function team() {
  const owner = await signUp(h.app, 'Owner');
  await connect(owner);
  const author = await signUp(h.app, 'Author');
  await addMember(h.app, owner, author, 'CONTRIBUTOR');
  const authorHeaders = actingIn(author, owner.workspaceId);
  const id = await postId(authorHeaders, { connections: ['x-brand'], text: 'Draft' });
  return { ownerHeaders: sessionHeaders(owner), authorHeaders, id };
}

/** Sends `method url` as `headers`, with `meanwhile` written between the service's read and its write. */
function raced(
  meanwhile: Meanwhile,
  id: string,
  headers: Headers,
  method: Change,
  path: string,
  payload?: object,
) {
  between.arm(() => meanwhile(other(), id));
  return h.app.inject({ method, url: `/api/content/${id}${path}`, headers, payload });
}

const schedule: Meanwhile = (db, id) =>
  db
    .updateTable('posts')
    .set({ status: 'scheduled', scheduled_at: FUTURE, text: 'Approved' })
    .where('id', '=', id)
    .execute();
const archive: Meanwhile = (db, id) =>
  db.updateTable('posts').set({ status: 'archived' }).where('id', '=', id).execute();
const remove: Meanwhile = (db, id) => db.deleteFrom('posts').where('id', '=', id).execute();

const stored = (id: string) =>
  h.db.selectFrom('posts').select(['status', 'scheduled_at', 'text']).where('id', '=', id).executeTakeFirst();

describe('a change whose checks no longer hold when it writes', () => {
  it.each<
    [string, 'owner' | 'author', Change, string, object | undefined, Meanwhile, Record<string, unknown>]
  >([
    [
      "a contributor's edit, while an editor schedules the draft",
      'author',
      'PATCH',
      '',
      { text: 'Mine' },
      schedule,
      { status: 'scheduled', scheduled_at: FUTURE, text: 'Approved' },
    ],
    [
      "a contributor's archive, while an editor schedules the draft",
      'author',
      'POST',
      '/archive',
      undefined,
      schedule,
      { status: 'scheduled', scheduled_at: FUTURE, text: 'Approved' },
    ],
    [
      "a contributor's delete, while an editor schedules the draft",
      'author',
      'DELETE',
      '',
      undefined,
      schedule,
      { status: 'scheduled', scheduled_at: FUTURE, text: 'Approved' },
    ],
    [
      "an owner's schedule, while someone archives the post",
      'owner',
      'PATCH',
      '',
      { scheduledAt: FUTURE },
      archive,
      { status: 'archived', scheduled_at: null, text: 'Draft' },
    ],
  ])('%s → 409, and the other change stands', async (_name, who, method, path, payload, meanwhile, after) => {
    const { ownerHeaders, authorHeaders, id } = await team();
    const headers = who === 'owner' ? ownerHeaders : authorHeaders;
    const response = await raced(meanwhile, id, headers, method, path, payload);
    expect(expectError(response, 409).error).toBe(CHANGED);
    expect(await stored(id)).toEqual(after);
  });

  it.each<[Change, string, object | undefined]>([
    ['PATCH', '', { text: 'Mine' }],
    ['POST', '/archive', undefined],
    ['DELETE', '', undefined],
  ])('%s%s while someone deletes the post → 404', async (method, path, payload) => {
    const { ownerHeaders, id } = await team();
    const response = await raced(remove, id, ownerHeaders, method, path, payload);
    expect(expectError(response, 404).error).toBe('Post not found');
  });

  it('an edit while someone else edits other fields lands, and answers the post as stored', async () => {
    const { ownerHeaders, id } = await team();
    const retitle: Meanwhile = (db, postId) =>
      db.updateTable('posts').set({ text: 'Their text' }).where('id', '=', postId).execute();
    const response = await raced(retitle, id, ownerHeaders, 'PATCH', '', { scheduledAt: FUTURE });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data).toMatchObject({
      status: 'scheduled',
      scheduledAt: FUTURE,
      text: 'Their text',
    });
    expect(await stored(id)).toEqual({ status: 'scheduled', scheduled_at: FUTURE, text: 'Their text' });
  });
});

/**
 * Accepting an invitation while an admin cancels or replaces it: the accept reads the invitation, then
 * writes; the admin's change is made, deterministically, right after that read (see AfterNextRead).
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { useRaceDatabase } from '../test/after-next-read.js';
import { expectError, type Person, sessionHeaders, signUp, useHarness } from '../test/harness.js';
import { newToken, tokenHash } from '../tokens.js';

const { between, db, other } = useRaceDatabase('invitations');

const h = useHarness(() => ({ db: db() }));

async function invite(owner: Person, email: string, roleKey: string): Promise<string> {
  const response = await h.app.inject({
    method: 'POST',
    url: `/api/workspaces/${owner.workspaceId}/invitations`,
    headers: sessionHeaders(owner),
    payload: { email, roleKey },
  });
  expect(response.statusCode).toBe(201);
  return response.json().data.token;
}

const accept = (person: Person, token: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: sessionHeaders(person),
    payload: { token },
  });

const memberships = (workspaceId: string, userId: string) =>
  h.db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();

describe('accepting an invitation that changes meanwhile', () => {
  it('refuses an invitation cancelled after it was read, and adds no member', async () => {
    const owner = await signUp(h.app, 'Owner');
    const eve = await signUp(h.app, 'Eve');
    const token = await invite(owner, eve.email, 'ADMIN');
    between.arm(() => other().deleteFrom('invitations').where('email', '=', eve.email).execute());
    const response = await accept(eve, token);
    expect(expectError(response, 404).error).toBe(
      'Invitation not found: it was cancelled or replaced while you accepted it',
    );
    expect(await memberships(owner.workspaceId, eve.userId)).toEqual([]);
  });

  it('refuses the old role of an invitation replaced after it was read; the new invitation still works', async () => {
    const owner = await signUp(h.app, 'Owner');
    const eve = await signUp(h.app, 'Eve');
    const oldToken = await invite(owner, eve.email, 'ADMIN');
    const replacementToken = newToken();
    between.arm(() =>
      // The admin re-invites with a lower role: the same row gets a new id, role and token (as the upsert does).
      other()
        .updateTable('invitations')
        .set({ id: newId('inv'), role_key: 'CONTRIBUTOR', token_hash: tokenHash(replacementToken) })
        .where('email', '=', eve.email)
        .execute(),
    );
    expect((await accept(eve, oldToken)).statusCode).toBe(404);
    expect(await memberships(owner.workspaceId, eve.userId)).toEqual([]);
    const accepted = await accept(eve, replacementToken);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().data.roleKey).toBe('CONTRIBUTOR');
  });
});

import { describe, expect, it } from 'vitest';
import { createKey, expectError, keyHeaders, sessionHeaders, signUp, useHarness } from '../test/harness.js';

const h = useHarness();
const PASSWORD = 'correct horse battery';

const signup = (email: string, name = 'Ada') =>
  h.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password: PASSWORD, name } });
const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('accounts and sessions', () => {
  it('signs up with a first workspace, sets a safe session cookie, and stores only an argon2id hash', async () => {
    const response = await signup('  Ada@Example.com ');
    expect(response.statusCode).toBe(201);
    expect(response.json().data.user).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^socifyr_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);

    const me = await h.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json().data.workspaces).toEqual([
      { id: expect.stringMatching(/^ws_/), name: "Ada's workspace", roleKey: 'OWNER' },
    ]);

    const row = await h.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const session = await h.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow();
    expect(cookie).not.toContain(session.token_hash);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    await signup('ada@example.com');
    const again = await signup('ADA@example.com', 'Other Ada');
    expect(expectError(again, 409).error).toBe(
      'An account with this email already exists; sign in instead (POST /api/auth/login)',
    );
  });

  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    await signup('ada@example.com');
    const ok = await login('ADA@example.com', PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/^socifyr_session=/);
    expect(expectError(await login('ada@example.com', 'wrong password!'), 401).error).toBe(
      'Invalid email or password',
    );
    expect(expectError(await login('nobody@example.com', PASSWORD), 401).error).toBe(
      'Invalid email or password',
    );
  });

  it('throttles sign-in after 10 failures for one address and email, and only for those', async () => {
    await signup('ada@example.com');
    for (let i = 0; i < 10; i++)
      expect((await login('ada@example.com', 'wrong password!', '10.1.1.1')).statusCode).toBe(401);
    const blocked = await login('ada@example.com', PASSWORD, '10.1.1.1');
    expect(expectError(blocked, 429).error).toMatch(
      /^Too many failed sign-ins for this email; try again in \d+ s$/,
    );
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await login('ada@example.com', PASSWORD, '10.1.1.2')).statusCode).toBe(200);
  });

  it('signs out: the session stops working, and signing out needs the CSRF header', async () => {
    const ada = await signUp(h.app, 'Ada');
    const withoutHeader = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: ada.cookie },
    });
    expect(withoutHeader.statusCode).toBe(403);
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: sessionHeaders(ada) });
    expect(out.json()).toEqual({ success: true, data: null });
    expect(String(out.headers['set-cookie'])).toMatch(/^socifyr_session=; .*Max-Age=0/);
    const me = await h.app.inject({ url: '/api/auth/me', headers: { cookie: ada.cookie } });
    expect(expectError(me, 401).error).toBe('Session expired or signed out: sign in again');
  });

  it('answers /auth/me for a key with its creator, its one workspace and the key', async () => {
    const ada = await signUp(h.app, 'Ada');
    const other = await h.app.inject({
      method: 'POST',
      url: '/api/workspaces',
      headers: sessionHeaders(ada),
      payload: { name: 'Second' },
    });
    expect(other.statusCode).toBe(201);
    const { plaintext, key } = await createKey(h.app, ada, ada.workspaceId, 'CI bot');
    const me = (await h.app.inject({ url: '/api/auth/me', headers: keyHeaders(plaintext) })).json().data;
    expect(me.user.id).toBe(ada.userId);
    expect(me.workspaces).toEqual([{ id: ada.workspaceId, name: "Ada's workspace", roleKey: 'OWNER' }]);
    expect(me.apiKey).toEqual({ id: key.id, label: 'CI bot', hint: key.hint, roleKey: 'OWNER' });
  });
});

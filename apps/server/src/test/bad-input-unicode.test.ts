/**
 * Unicode is not bad input: valid text in a label, a name or a post is accepted and comes back
 * exactly as sent (no normalisation, no mangling), and lengths count characters, not UTF-16 units.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { connectBrand, expectRefused, useBadInputHarness } from './bad-input.helpers.js';
import { type Person, sessionHeaders, signUp } from './harness.js';

const h = useBadInputHarness();
let ada: Person;
beforeEach(async () => {
  ada = await signUp(h.app, 'Ada');
  await connectBrand(h, ada);
});

const SAMPLES: [string, string][] = [
  ['emoji', '🚀 Launch day 🎉'],
  ['a ZWJ family and a flag', 'Team 👩‍👩‍👧‍👦 🇫🇷'],
  ['Arabic (right to left)', 'مفتاح الإنتاج'],
  ['Hebrew with a right-to-left mark', 'מפתח\u200F CI'],
  ['a combining accent (not normalised)', 'Cafe\u0301 backend'],
  ['a precomposed accent', 'Café backend'],
  ['CJK', '本番環境のキー'],
  ['astral letters', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 bot'],
  ['a zero-width joiner inside a word', 'de\u200Dploy'],
  ['quotes and markup', `"<script>alert('x')</script>" & \\ /`],
];

/** Where each text field is written, and how to read back what was stored. */
interface TextField {
  title: string;
  write(value: string): Promise<{ status: number; echoed: unknown; body: string }>;
  readBack(): Promise<unknown>;
}

const inject = async <T>(
  method: 'POST' | 'PATCH',
  url: string,
  payload: unknown,
  pick: (data: T) => unknown,
) => {
  const response = await h.app.inject({
    method,
    url,
    headers: sessionHeaders(ada),
    payload: payload as object,
  });
  const data = response.statusCode < 300 ? (response.json().data as T) : undefined;
  return { status: response.statusCode, echoed: data && pick(data), body: response.body };
};

const FIELDS: TextField[] = [
  {
    title: 'API key label',
    write: (label) =>
      inject(
        'POST',
        `/api/workspaces/${ada.workspaceId}/api-keys`,
        { label },
        (d: { key: { label: string } }) => d.key.label,
      ),
    readBack: async () =>
      (
        await h.db
          .selectFrom('api_keys')
          .select('label')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      ).label,
  },
  {
    title: 'workspace name (rename)',
    write: (name) =>
      inject('PATCH', `/api/workspaces/${ada.workspaceId}`, { name }, (d: { name: string }) => d.name),
    readBack: async () =>
      (
        await h.db
          .selectFrom('workspaces')
          .select('name')
          .where('id', '=', ada.workspaceId)
          .executeTakeFirstOrThrow()
      ).name,
  },
  {
    title: 'connection name',
    write: (name) =>
      inject(
        'POST',
        `/api/workspaces/${ada.workspaceId}/connections`,
        { platform: 'bluesky', handle: `h${Math.random().toString(36).slice(2, 10)}`, name },
        (d: { name: string }) => d.name,
      ),
    readBack: async () =>
      (
        await h.db
          .selectFrom('connections')
          .select('name')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      ).name,
  },
  {
    title: 'post text',
    write: (text) =>
      inject(
        'POST',
        '/api/content/text',
        { connections: ['x-brand'], text },
        (d: { text: string }) => d.text,
      ),
    readBack: async () =>
      (
        await h.db
          .selectFrom('posts')
          .select('text')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      ).text,
  },
];

describe('Unicode round-trips exactly', () => {
  for (const field of FIELDS) {
    it.each(SAMPLES)(`${field.title}: %s`, async (_name, value) => {
      const written = await field.write(value);
      expect(written.status, written.body).toBeLessThan(300);
      expect(written.echoed).toBe(value);
      expect(await field.readBack()).toBe(value);
    });
  }

  it('a signup name round-trips through /api/auth/me', async () => {
    const name = 'Zoë 🦄 زينب';
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'zoe@example.com', password: 'correct horse battery', name },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().data.user.name).toBe(name);
    const cookie = String(response.headers['set-cookie']).split(';')[0]!;
    const me = await h.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().data.user.name).toBe(name);
    expect(me.json().data.workspaces[0].name).toBe(`${name}'s workspace`);
  });

  it('the list of keys shows a Unicode label exactly as sent', async () => {
    const label = 'Clé 🔑 مفتاح';
    await inject('POST', `/api/workspaces/${ada.workspaceId}/api-keys`, { label }, () => null);
    const list = await h.app.inject({
      url: `/api/workspaces/${ada.workspaceId}/api-keys`,
      headers: sessionHeaders(ada),
    });
    expect(list.json().data[0].label).toBe(label);
  });
});

describe('lengths count characters, not UTF-16 code units', () => {
  const url = () => `/api/workspaces/${ada.workspaceId}/api-keys`;

  it('accepts a label of 100 emoji (200 UTF-16 units) as 100 characters', async () => {
    const label = '😀'.repeat(100);
    expect(label.length).toBe(200);
    const written = await inject('POST', url(), { label }, (d: { key: { label: string } }) => d.key.label);
    expect(written.status, written.body).toBe(201);
    expect(written.echoed).toBe(label);
  });

  it('refuses 101 emoji: "label must be at most 100 characters"', async () => {
    await expectRefused(
      h,
      { method: 'POST', url: url(), headers: sessionHeaders(ada), tables: ['api_keys'] },
      {
        name: '101 emoji',
        payload: { label: '😀'.repeat(101) },
        messages: ['label must be at most 100 characters'],
      },
    );
  });

  it('accepts a post of 10 000 emoji and refuses 10 001', async () => {
    const ok = await inject(
      'POST',
      '/api/content/text',
      { connections: ['x-brand'], text: '🎉'.repeat(10_000) },
      () => null,
    );
    expect(ok.status, ok.body.slice(0, 300)).toBe(201);
    await expectRefused(
      h,
      { method: 'POST', url: '/api/content/text', headers: sessionHeaders(ada), tables: ['posts'] },
      {
        name: '10 001 emoji',
        payload: { connections: ['x-brand'], text: '🎉'.repeat(10_001) },
        messages: ['text must be at most 10000 characters'],
      },
    );
  });
});

// A lone surrogate is valid JSON (`"\uD800"`) but not Unicode text: SQLite would store U+FFFD in its
// place and PostgreSQL refuses it. Refusing it (400) is best; storing it changed is data loss.
describe('text that is not valid Unicode', () => {
  for (const field of FIELDS) {
    it.each([
      ['a lone high surrogate', 'bad \uD800 text'],
      ['a lone low surrogate', 'bad \uDC00 text'],
    ])(
      `${field.title}: is refused, or else kept exactly — never silently changed (%s)`,
      async (_name, value) => {
        const written = await field.write(value);
        expect(written.status, written.body).not.toBe(500);
        if (written.status >= 400) return;
        expect(written.echoed, 'answered as sent, not with U+FFFD').toBe(value);
        expect(await field.readBack(), 'stored as sent, not with U+FFFD').toBe(value);
      },
    );
  }
});

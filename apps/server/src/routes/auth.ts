import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { clearSessionCookie, setSessionCookie } from '../http/cookies.js';
import { ok } from '../http/envelope.js';
import { EmailAddress, Envelope, FreeText, NullEnvelope, User } from '../http/schemas.js';
import type { RouteDeps } from './index.js';

/** Passwords: at least 10 characters; the upper bound keeps hashing cost bounded. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 512;

export const SignupBody = Type.Object(
  {
    email: EmailAddress,
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    name: FreeText(100),
  },
  { additionalProperties: false },
);
const LoginBody = Type.Object(
  {
    email: Type.String({
      minLength: 1,
      maxLength: 254,
      // PostgreSQL cannot compare text holding a null character; refuse it here rather than fail there.
      pattern: '^[^\\u0000]*$',
      'x-pattern-message': 'must not contain a null character (\\u0000)',
    }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
const MeWorkspace = Type.Object({ id: Type.String(), name: Type.String(), roleKey: Type.String() });
const Me = Type.Object({
  user: User,
  workspaces: Type.Array(MeWorkspace),
  apiKey: Type.Optional(
    Type.Object({ id: Type.String(), label: Type.String(), hint: Type.String(), roleKey: Type.String() }),
  ),
});

export function authRoutes(base: FastifyInstance, { services }: RouteDeps): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Accounts and sessions'];

  app.post(
    '/api/auth/signup',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Create an account and its first workspace; signs in',
        body: SignupBody,
        response: { 201: Envelope(Type.Object({ user: User })) },
      },
    },
    async (request, reply) => {
      const user = await services.accounts.signup(request.body, request.ip);
      const session = await services.sessions.create(user.id);
      setSessionCookie(request, reply, session.token, session.maxAgeSeconds);
      return reply.status(201).send(ok({ user }));
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: Envelope(Type.Object({ user: User })) },
      },
    },
    async (request, reply) => {
      const user = await services.accounts.login(request.body, request.ip);
      const session = await services.sessions.create(user.id);
      setSessionCookie(request, reply, session.token, session.maxAgeSeconds);
      return ok({ user });
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'Sign out: ends the session', response: { 200: NullEnvelope } },
    },
    async (request, reply) => {
      if (request.principal?.kind === 'session') await services.sessions.delete(request.principal.sessionId);
      clearSessionCookie(request, reply);
      return ok(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The caller: user, workspaces and (for a key) the key',
        response: { 200: Envelope(Me) },
      },
    },
    async (request) => ok(await services.accounts.me(request.principal!)),
  );
}

/**
 * The authentication step of every request: API key (Authorization: Bearer) or session cookie,
 * the failed-attempt throttle per client IP, the CSRF guard for sessions, the X-Workspace-Id rules
 * for keys, and the per-key rate limit. Routes declare `config.auth` ('none' | 'any' | 'session').
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, SESSION_COOKIE_NAME } from '../http/cookies.js';
import { AppError, forbidden } from '../http/errors.js';
import { isIdOf } from '../ids.js';
import type { KeyService } from '../keys/key-service.js';
import { keyLimitsFor, type RateLimitPolicy, type RateLimitStore } from '../limits/rate-limiter.js';
import { AttemptThrottle, failedAuthSubject, tooManyFailures, tooManyRequests } from '../limits/throttle.js';
import type { SessionService } from '../services/sessions.js';
import { MESSAGES } from './messages.js';
import type { AuthMode, Principal } from './principal.js';
import { keyOutsideItsWorkspace } from './workspace-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** How the route authenticates; default 'any'. */
    auth?: AuthMode;
  }
}

export interface AuthenticateOptions {
  keys: KeyService;
  sessions: SessionService;
  limits: RateLimitStore;
  policy: RateLimitPolicy;
}

const BEARER = /^bearer[ \t]+(\S*)[ \t]*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthenticated = (message: string) =>
  new AppError('unauthenticated', message, { headers: { 'www-authenticate': 'Bearer realm="socifyr"' } });

const describeWindow = (ms: number) =>
  ms === 1000 ? 'second' : ms === 60_000 ? 'minute' : `${Math.round(ms / 1000)} seconds`;

/** Builds the onRequest hook that sets `request.principal` or answers 401/403/429. */
export function createAuthenticate({ keys, sessions, limits, policy }: AuthenticateOptions) {
  const failures = new AttemptThrottle(limits, policy.failedAuthPerIp);

  /** Counts a failure that cost no store read; past the address's limit the answer is 429 instead of 401. */
  async function failure(request: FastifyRequest, message: string): Promise<AppError> {
    const waitMs = await failures.admit(failedAuthSubject(request.ip));
    return waitMs > 0 ? tooManyFailures(waitMs) : unauthenticated(message);
  }

  async function authenticateKey(
    request: FastifyRequest,
    reply: FastifyReply,
    header: string,
  ): Promise<Principal> {
    const token = BEARER.exec(header)?.[1];
    if (!token) throw await failure(request, MESSAGES.malformed);

    // A key not already cached costs a store read: count the attempt first (so parallel guesses cannot all
    // get through), and refund it if the key turns out valid. Keys cached as valid skip this entirely.
    const subject = failedAuthSubject(request.ip);
    let waitMs = 0;
    let counted = false;
    const result = await keys.verify(token, {
      admitStoreRead: async () => {
        waitMs = await failures.admit(subject);
        counted = waitMs === 0;
        return counted;
      },
    });
    if (!result.ok) {
      if (result.reason === 'throttled') throw tooManyFailures(waitMs);
      throw counted
        ? unauthenticated(MESSAGES[result.reason])
        : await failure(request, MESSAGES[result.reason]);
    }
    if (counted) await failures.refund(subject);

    const decision = await limits.consume(`key:${result.key.id}`, keyLimitsFor(policy, result.key.tier));
    reply.header('ratelimit-limit', decision.limit);
    reply.header('ratelimit-remaining', decision.remaining);
    reply.header('ratelimit-reset', Math.ceil(decision.resetMs / 1000));
    if (!decision.allowed) {
      throw tooManyRequests(
        decision.resetMs,
        (s) =>
          `Rate limit exceeded: this API key may make ${decision.limit} requests per ${describeWindow(decision.windowMs)}; retry in ${s} s`,
      );
    }

    const requested = requestedWorkspace(request);
    if (requested !== undefined && requested !== result.key.workspaceId) {
      throw keyOutsideItsWorkspace(result.key.workspaceId, requested);
    }
    return { kind: 'apiKey', userId: result.key.createdByUserId, key: result.key, roleKey: result.roleKey };
  }

  async function authenticateSession(request: FastifyRequest, token: string): Promise<Principal> {
    // Like keys: a session known to be live passes; an unknown cookie is counted before the store read.
    let session = sessions.peek(token);
    if (!session) {
      const subject = failedAuthSubject(request.ip);
      const waitMs = await failures.admit(subject);
      if (waitMs > 0) throw tooManyFailures(waitMs);
      session = await sessions.find(token);
      if (!session) throw unauthenticated('Session expired or signed out: sign in again');
      await failures.refund(subject);
    }

    requestedWorkspace(request);
    if (!SAFE_METHODS.has(request.method) && !passesCsrfGuard(request)) {
      throw forbidden(
        request.headers.origin
          ? `Cross-site request refused: Origin ${request.headers.origin} is not this server; send the header X-Requested-With: socifyr from our own pages and clients`
          : 'Missing CSRF protection: send the header X-Requested-With: socifyr with this request',
      );
    }
    return { kind: 'session', userId: session.userId, sessionId: session.sessionId };
  }

  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.principal = null;
    const mode = request.routeOptions.config?.auth ?? 'any';
    if (mode === 'none' || request.is404) return;

    const authorization = request.headers.authorization;
    const sessionToken = readCookie(request, SESSION_COOKIE_NAME);
    if (authorization !== undefined) {
      request.principal = await authenticateKey(request, reply, authorization);
      if (mode === 'session') {
        throw forbidden('This action needs a signed-in person; API keys cannot perform it');
      }
    } else if (sessionToken) {
      request.principal = await authenticateSession(request, sessionToken);
    } else {
      throw unauthenticated(mode === 'session' ? MESSAGES.notSignedIn : MESSAGES.missing);
    }
  };
}

/**
 * The `X-Workspace-Id` header, checked for shape once the caller is known (so a bad key is still a 401 first).
 * Which workspaces the caller may name is decided by the caller's kind; see WorkspaceContext.
 */
function requestedWorkspace(request: FastifyRequest): string | undefined {
  const header = request.headers['x-workspace-id'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !isIdOf('ws', header)) {
    throw new AppError(
      'bad_request',
      'X-Workspace-Id must be a workspace id such as ws_0193f3c2a1b24d5e6f7081920a1b, as shown by GET /api/auth/me',
    );
  }
  return header;
}

/** Same-origin check for cookie-authenticated writes: a custom header, or an Origin matching the Host. */
function passesCsrfGuard(request: FastifyRequest): boolean {
  if (request.headers['x-requested-with'] === 'socifyr') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

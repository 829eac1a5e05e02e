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
import type { SessionService } from '../services/sessions.js';
import type { AuthMode, Principal } from './principal.js';

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

export const MESSAGES = {
  missing: 'Missing API key',
  malformed: 'Malformed API key',
  unknown: 'Invalid API key',
  inactive: 'API key is inactive: its creator is no longer a member of this workspace',
  notSignedIn: 'Not signed in: sign in first (POST /api/auth/login)',
} as const;

const BEARER = /^bearer[ \t]+(\S*)[ \t]*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthenticated = (message: string) =>
  new AppError('unauthenticated', message, { headers: { 'www-authenticate': 'Bearer realm="socifyr"' } });

const describeWindow = (ms: number) =>
  ms === 1000 ? 'second' : ms === 60_000 ? 'minute' : `${Math.round(ms / 1000)} seconds`;

const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Builds the onRequest hook that sets `request.principal` or answers 401/403/429. */
export function createAuthenticate({ keys, sessions, limits, policy }: AuthenticateOptions) {
  async function failedAttempt(ip: string, message: string): Promise<AppError> {
    await limits.record(`auth-fail:${ip}`, policy.failedAuthPerIp);
    return unauthenticated(message);
  }

  async function throttled(ip: string): Promise<AppError | undefined> {
    const waitMs = await limits.limitedForMs(`auth-fail:${ip}`, policy.failedAuthPerIp);
    if (waitMs === 0) return undefined;
    const seconds = retryAfterSeconds(waitMs);
    return new AppError(
      'rate_limited',
      `Too many failed authentication attempts from your address; try again in ${seconds} s`,
      { headers: { 'retry-after': String(seconds) } },
    );
  }

  async function authenticateKey(
    request: FastifyRequest,
    reply: FastifyReply,
    header: string,
  ): Promise<Principal> {
    const ip = request.ip;
    const token = BEARER.exec(header)?.[1];
    const blocked = await throttled(ip);
    if (!token) throw blocked ?? (await failedAttempt(ip, MESSAGES.malformed));

    const result = await keys.verify(token, { storeLookupAllowed: blocked === undefined });
    if (!result.ok) {
      if (blocked) throw blocked;
      if (result.reason === 'throttled') throw (await throttled(ip)) ?? unauthenticated(MESSAGES.unknown);
      throw await failedAttempt(ip, MESSAGES[result.reason]);
    }

    const requested = requestedWorkspace(request);
    if (requested !== undefined && requested !== result.key.workspaceId) {
      throw forbidden(
        `This API key belongs to workspace ${result.key.workspaceId} and cannot act in workspace ${requested}`,
      );
    }

    const decision = await limits.consume(`key:${result.key.id}`, keyLimitsFor(policy, result.key.tier));
    const resetSeconds = Math.ceil(decision.resetMs / 1000);
    reply.header('ratelimit-limit', decision.limit);
    reply.header('ratelimit-remaining', decision.remaining);
    reply.header('ratelimit-reset', resetSeconds);
    if (!decision.allowed) {
      const seconds = retryAfterSeconds(decision.resetMs);
      throw new AppError(
        'rate_limited',
        `Rate limit exceeded: this API key may make ${decision.limit} requests per ${describeWindow(decision.windowMs)}; retry in ${seconds} s`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
    return { kind: 'apiKey', userId: result.key.createdByUserId, key: result.key, roleKey: result.roleKey };
  }

  async function authenticateSession(request: FastifyRequest, token: string): Promise<Principal> {
    const session = await sessions.find(token);
    if (!session) throw unauthenticated('Session expired or signed out: sign in again');
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

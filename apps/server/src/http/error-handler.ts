/**
 * Every error becomes the envelope. Client mistakes keep their status and a message that says what to
 * fix; anything unexpected is a 500 "Internal server error" whose detail goes only to the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { maskKeys } from '../redact.js';
import { errorEnvelope } from './envelope.js';
import { AppError, ERROR_STATUS, type ErrorCode } from './errors.js';
import { validationMessages } from './validation.js';

/** Bodies larger than this answer 413: 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Path parameters longer than this answer 414 (ids are ~32 characters; this leaves room for slugs). */
export const MAX_PARAM_LENGTH = 500;

/** Fastify's own client errors, as our error codes with messages written for people. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'Request body is larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'bad_request',
    message: 'Request body must be JSON: send it with Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    message: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'Request body is not valid JSON' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'The URL is not valid: check its percent-encoding' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'uri_too_long',
    message: `A path segment is longer than ${MAX_PARAM_LENGTH} characters; no resource has such an id`,
  },
};

/**
 * Errors Fastify raises before routing (undecodable URL, over-long path parameter), which never reach the
 * error handler: answered here in the envelope, with the request id.
 */
export function frameworkErrors(clock: Clock) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = FASTIFY_CLIENT_ERRORS[error.code] ?? FASTIFY_CLIENT_ERRORS.FST_ERR_BAD_URL!;
    const status = ERROR_STATUS[known.code];
    reply
      .status(status)
      .header('x-request-id', request.id)
      .type('application/json')
      .send(errorEnvelope(status, known.message, request.url, new Date(clock.now())));
  };
}

function notFoundMessage(method: string, path: string): string {
  const message = `Route ${method} ${path} not found`;
  return path === '/api' || path.startsWith('/api/')
    ? message
    : `${message}: the API lives under /api (every route is listed at /api/openapi.json)`;
}

export function installErrorHandling(app: FastifyInstance, clock: Clock): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, error: string | string[]) =>
    reply
      .status(status)
      .type('application/json')
      .send(errorEnvelope(status, error, request.url, new Date(clock.now())));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // Why a request was refused is what an operator looks for first; the message never holds a secret.
      request.log.info({ code: error.code, reason: maskKeys(error.message) }, 'request refused');
      reply.headers(error.headers);
      return send(request, reply, error.statusCode, error.detail);
    }
    if (error.validation) {
      return send(
        request,
        reply,
        400,
        validationMessages(error.validation as never, error.validationContext ?? 'body'),
      );
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return send(request, reply, ERROR_STATUS[known.code], known.message);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(request, reply, error.statusCode, error.message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(request, reply, 500, 'Internal server error');
  });

  app.setNotFoundHandler((request, reply) =>
    send(request, reply, 404, notFoundMessage(request.method, request.url.split('?', 1)[0] ?? '/')),
  );
}

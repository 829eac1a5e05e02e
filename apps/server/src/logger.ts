/**
 * The server's logger. Secrets never reach it: credentials and plaintext fields are redacted by path;
 * in a logged URL anything shaped like an API key is masked and query values (tokens) are replaced.
 */

import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { LogLevel } from './config.js';
import { redactUrl } from './redact.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'plaintext',
  '*.plaintext',
  'password',
  '*.password',
  'token',
  '*.token',
];

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; tests pass a stream to read them. Default stdout. */
  stream?: DestinationStream;
}

export function loggerOptions({ level, stream }: LoggerOptions): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger'];
}

/**
 * Serves the built dashboard (apps/dashboard/dist) at `/`. Files are sent as they are; any other path
 * outside /api that looks like a page (no file extension) gets index.html, so the dashboard's own
 * routes (/settings/api-keys, /invitations/…) survive a reload. /api stays the API's alone.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Pages may load only our own scripts, styles and images, and no other site may frame them: the page that
 * shows a key's plaintext must not be readable by anything but itself.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** True when `dir` holds a built dashboard. */
export function isDashboardBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** Registers `GET /*` for the dashboard in `dir`; the caller checks isDashboardBuilt first. */
export function serveDashboard(app: FastifyInstance, dir: string): void {
  const root = normalize(dir + sep);

  const sendFile = (reply: FastifyReply, file: string, immutable: boolean) => {
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    reply
      .headers(PAGE_HEADERS)
      .header('content-type', type)
      // Vite names built assets by their content hash, so they never change; the page itself always may.
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('content-length', statSync(file).size);
    return reply.send(createReadStream(file));
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    // Fastify has already decoded the wildcard (and refused undecodable URLs).
    const path = `/${(request.params as { '*'?: string })['*'] ?? ''}`;
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    const file = normalize(join(root, path));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      return sendFile(reply, file, path.startsWith('/assets/'));
    }
    // A missing asset is a 404; a missing page is one of the dashboard's routes.
    if (extname(path) !== '') return reply.callNotFound();
    return sendFile(reply, join(root, 'index.html'), false);
  };

  app.get('/', { config: { auth: 'none' } }, handler);
  app.get('/*', { config: { auth: 'none' } }, handler);
}

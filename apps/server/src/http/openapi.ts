/**
 * The OpenAPI 3.1 document, built from the schemas the routes validate and serialise with,
 * so the document cannot drift from what the server does.
 */
import type { RouteOptions } from 'fastify';

interface DocumentedRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
  auth: string;
}

const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

export class OpenApiCollector {
  private readonly routes: DocumentedRoute[] = [];

  /** Fastify `onRoute` hook: remembers every documented route. */
  readonly onRoute = (route: RouteOptions): void => {
    if (!route.url.startsWith('/api') || !route.schema) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      this.routes.push({
        method: method.toLowerCase(),
        url: route.url,
        schema: (route.schema ?? {}) as Record<string, unknown>,
        auth: (route.config as { auth?: string } | undefined)?.auth ?? 'any',
      });
    }
  };

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const path = toOpenApiPath(route.url);
      paths[path] ??= {};
      paths[path][route.method] = this.operation(route);
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Socifyr API (self-hosted edition)',
        version,
        description: 'Social-media publishing API. Authenticate with `Authorization: Bearer sk_…`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key: sk_ followed by 64 hex characters',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'socifyr_session' },
        },
      },
      paths,
    };
  }

  private operation(route: DocumentedRoute): Record<string, unknown> {
    const { schema } = route;
    const parameters: unknown[] = [];
    for (const [part, location] of [
      ['params', 'path'],
      ['querystring', 'query'],
    ] as const) {
      const object = schema[part] as
        | { properties?: Record<string, unknown>; required?: string[] }
        | undefined;
      for (const [name, property] of Object.entries(object?.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          // A query parameter with a default may be left out, whatever the validator's `required` says.
          required:
            location === 'path' ||
            ((object?.required ?? []).includes(name) && !('default' in (property as object))),
          schema: property,
        });
      }
    }
    if (route.auth === 'any') parameters.push(WORKSPACE_HEADER);
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
      responses[status] = {
        description: status.startsWith('2') ? 'Success' : 'Error',
        content: { 'application/json': { schema: response } },
      };
    }
    responses.default = {
      description: 'Error envelope',
      content: { 'application/json': { schema: ERROR_SCHEMA } },
    };
    const security =
      route.auth === 'none'
        ? []
        : route.auth === 'session'
          ? [{ session: [] }]
          : [{ apiKey: [] }, { session: [] }];
    return {
      summary: schema.summary,
      tags: schema.tags,
      security,
      parameters,
      ...(schema.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema.body } } } }
        : {}),
      responses,
    };
  }
}

const WORKSPACE_HEADER = {
  name: 'X-Workspace-Id',
  in: 'header',
  required: false,
  description:
    'Workspace to act in. A key acts in its own workspace (naming another answers 403); a session defaults to its first workspace.',
  schema: { type: 'string', pattern: '^ws_[0-9a-f]{28}$' },
};

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    success: { const: false },
    error: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    statusCode: { type: 'integer' },
    path: { type: 'string' },
    timestamp: { type: 'string' },
  },
  required: ['success', 'error', 'statusCode', 'path', 'timestamp'],
};

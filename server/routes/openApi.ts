import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/schemas/apiError.ts';
import type { Route } from './defineRoute.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
}

function describeAccess(route: Route): string {
  switch (route.access.kind) {
    case 'public':
      return 'Anyone.';
    case 'signedIn':
      return 'Signed in (session cookie or API token).';
    case 'session':
      return 'Signed in with a browser session (not an API token).';
    case 'admin':
      return 'Instance administrators.';
    case 'partnership':
      return `Members of the partnership with the "${route.access.permission}" permission (administrators act as facilitators).`;
    case 'network':
      return route.access.level === 'read'
        ? 'The network’s coordinators, members of its member partnerships, and administrators.'
        : 'The network’s coordinators and administrators.';
    case 'networkOrPartnership':
      return `The network’s coordinators and administrators, or members of the partnership with the "${route.access.permission}" permission.`;
  }
}

/** The OpenAPI 3.0 description of every route, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: jsonSchema(ApiErrorSchema, 'output') } },
  };
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: Record<string, unknown> = {
      summary: route.summary,
      description: `Who may call it: ${describeAccess(route)}`,
      tags: [route.tag],
      parameters,
      security: route.access.kind === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
        },
        '400': errorResponse,
        '401': errorResponse,
        '403': errorResponse,
        '404': errorResponse,
        '409': errorResponse,
        '429': errorResponse,
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: jsonSchema(route.body, 'input'),
            ...(route.exampleBody !== undefined ? { example: route.exampleBody } : {}),
          },
        },
      };
    }
    if (route.upload) {
      const file = { schema: { type: 'string', format: 'binary' } };
      operation.requestBody = {
        required: true,
        description: `The ${route.upload.description}, at most ${route.upload.maxBytes} bytes (larger uploads: 413).`,
        content: Object.fromEntries(route.upload.mediaTypes.map((mediaType) => [mediaType, file])),
      };
      Object.assign(operation.responses as Record<string, unknown>, { '413': errorResponse, '415': errorResponse });
    }
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Common Ground API',
      version: '1.0.0',
      description:
        'Errors are {"error":{"code","message","issues"?}}. State-changing requests from another origin are refused. ' +
        'Collaboration is over WebSocket /collab/{docName} (y-websocket protocol), authenticated by the session cookie or a `token` query parameter.',
    },
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'cg_session' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (cgt_…)' },
      },
    },
    paths,
  };
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from './schemas.js';

/**
 * How a route documents itself (outside tools generate clients from /openapi.json):
 *
 *   const doc = operationDocs('interview sessions');
 *   app.get('/sessions/:id', { schema: {
 *     ...doc('getSession', 'Read one of your sessions'),
 *     params: idParams,
 *     response: { 200: sessionResponse, ...errors(404) },
 *   } }, handler);
 *
 * The operationId is camelCase verbNoun and never changes (clients name methods after it).
 * Operations need the bearer token unless declared with `doc.public(...)`. List only the
 * statuses the route itself decides (404, 409, 400, 429); the ones the framework answers
 * (401 without a valid token, 422 for invalid input or JSON, 413/415 for bodies) are added
 * to the document by `withFrameworkErrors` below.
 */
export function operationDocs(tag: string) {
  const doc = (operationId: string, summary: string) => ({ operationId, summary, tags: [tag] });
  return Object.assign(doc, {
    public: (operationId: string, summary: string) => ({
      ...doc(operationId, summary),
      security: [] as Record<string, string[]>[],
    }),
  });
}

const TAGS = [
  { name: 'auth', description: 'Accounts and access tokens.' },
  { name: 'resume', description: "The caller's resume, as text or from a file." },
  { name: 'job postings', description: 'The jobs the caller practises for.' },
  { name: 'interview sessions', description: 'Mock interviews: status, messages and answers.' },
  {
    name: 'question generation',
    description: 'Questions are generated in the background as operations to poll.',
  },
  {
    name: 'feedback and reports',
    description: 'Feedback on each answer and the interview report, built in the background.',
  },
  {
    name: 'progress',
    description: 'Progress over the interviews for a job posting, from the stored reports.',
  },
  { name: 'account', description: "The caller's data: export, deletion, their own model." },
];

const DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work goes on in the background',
  204: 'Done, no content',
  400: 'Not possible in the current state (see `detail.code`)',
  401: 'Missing, malformed or expired access token',
  404: 'Not found, or not the caller’s',
  409: 'Conflicts with the current state (see `detail.code`)',
  413: 'The request body is too large',
  415: 'This content type is not accepted here',
  422: 'The request is not valid (see `detail.errors`)',
  429: 'Too many requests (see `Retry-After`)',
  503: 'Not available right now; try again in a moment',
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = [{ bearer: [] }];

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown> };

/** The error statuses every route can answer because of how it is declared. */
function withFrameworkErrors(schema: RouteSchema, methods: string[]): RouteSchema {
  const response = { ...schema.response };
  const add = (status: number) => {
    response[status] ??= errorBody;
  };
  const isPublic = Array.isArray(schema.security) && schema.security.length === 0;
  if (!isPublic) add(401);
  const security = isPublic ? [] : BEARER;
  const takesBody = methods.some((m) => BODY_METHODS.has(m));
  if (takesBody || schema.params || schema.querystring || schema.headers) add(422);
  if (takesBody) [413, 415].forEach(add);
  for (const [status, value] of Object.entries(response)) {
    if (value === errorBody) response[status] = errorBody.describe(DESCRIPTIONS[status] ?? 'Error');
    else if (DESCRIPTIONS[status] && value && typeof value === 'object' && 'describe' in value) {
      const zod = value as { description?: string; describe(d: string): unknown };
      if (!zod.description) response[status] = zod.describe(DESCRIPTIONS[status]);
    }
  }
  return { ...schema, security, response };
}

/** OpenAPI 3.1 generated from the route schemas: /openapi.json, and interactive docs at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Interview practice API',
        description:
          'Resumes, job postings and mock interviews with asynchronously generated questions.',
        version: '1.0.0',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      tags: TAGS,
      security: BEARER,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: (document) => {
      const { schema, route } = document;
      if (!schema || schema.hide) return jsonSchemaTransform(document);
      const methods = [route.method].flat().map((m) => m.toUpperCase());
      return jsonSchemaTransform({
        ...document,
        schema: withFrameworkErrors(schema as RouteSchema, methods),
      });
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

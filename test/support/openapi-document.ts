import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS: its default export arrives wrapped under tsx/vitest.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  security?: unknown[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, Record<string, unknown>>;
}

export async function fetchOpenApi(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json: ${res.statusCode}`);
  return res.json();
}

export function listOperations(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
}

/** The path template of the document that a concrete path matches (`/sessions/{id}`). */
export function templateFor(doc: OpenApiDocument, path: string): string | undefined {
  const parts = path.split('/');
  return Object.keys(doc.paths).find((template) => {
    const t = template.split('/');
    return (
      t.length === parts.length && t.every((seg, i) => seg.startsWith('{') || seg === parts[i])
    );
  });
}

/** Validates real answers against the document's own response schemas. */
export function createResponseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction>();

  /** `contentType` (the answer's header) is needed only for answers that are not JSON (files). */
  return function check(
    method: string,
    url: string,
    status: number,
    body: string,
    contentType?: string,
  ): string[] {
    const path = url.split('?')[0]!;
    const template = templateFor(doc, path);
    const op = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
    if (!op) return [`${method} ${path} is not in the document`];
    const where = `${method} ${template} ${status}`;
    const response = op.responses[String(status)];
    if (!response) return [`${where} is not a declared status`];
    const schema = response.content?.['application/json']?.schema;
    const declared = Object.keys(response.content ?? {});
    if (!schema && declared.length > 0) {
      const media = contentType?.split(';')[0]?.trim();
      if (!media) return [`${where}: the answer's content type is needed to check it`];
      return declared.includes(media) ? [] : [`${where}: ${media} is not a declared content type`];
    }
    if (!schema) return body === '' ? [] : [`${where} declares no body but one was sent`];
    let validate = cache.get(where);
    if (!validate) {
      validate = ajv.compile(schema as object);
      cache.set(where, validate);
    }
    if (validate(JSON.parse(body))) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`);
  };
}

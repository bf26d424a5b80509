import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';

// Every route of the contract (generation and operations included), as OpenAPI paths.
const CONTRACT = [
  ['post', '/api/v1/auth/register'],
  ['post', '/api/v1/auth/login'],
  ['get', '/api/v1/users/me'],
  ['put', '/api/v1/users/me/resume'],
  ['get', '/api/v1/users/me/resume'],
  ['post', '/api/v1/job-postings'],
  ['get', '/api/v1/job-postings'],
  ['get', '/api/v1/job-postings/{id}'],
  ['post', '/api/v1/sessions'],
  ['get', '/api/v1/sessions'],
  ['get', '/api/v1/sessions/{id}'],
  ['post', '/api/v1/sessions/{id}/pause'],
  ['post', '/api/v1/sessions/{id}/resume'],
  ['post', '/api/v1/sessions/{id}/complete'],
  ['get', '/api/v1/sessions/{id}/messages'],
  ['post', '/api/v1/sessions/{id}/answers'],
  ['post', '/api/v1/sessions/{id}/generate-question'],
  ['get', '/api/v1/operations/{id}'],
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
  operationId?: string;
}

describe('OpenAPI', () => {
  let t: TestApp;
  let doc: {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components?: Record<string, Record<string, unknown>>;
  };
  beforeAll(async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );

  it('is an OpenAPI 3 document with info and paths', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    for (const path of Object.keys(doc.paths)) expect(path.startsWith('/')).toBe(true);
  });

  it('lists every /api/v1 route of the contract', () => {
    const missing = CONTRACT.filter(([method, path]) => !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
  });

  it('lists the routes beyond the table: job posting update and delete, resume upload', () => {
    expect(doc.paths['/api/v1/job-postings/{id}']).toHaveProperty('patch');
    expect(doc.paths['/api/v1/job-postings/{id}']).toHaveProperty('delete');
    expect(doc.paths['/api/v1/users/me/resume/file']).toHaveProperty('post');
  });

  it('gives every operation responses, each with a description and a schema', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const entries = Object.entries(op.responses ?? {});
      expect(entries.length, where).toBeGreaterThan(0);
      expect(
        entries.some(([status]) => /^2\d\d$/.test(status)),
        where,
      ).toBe(true);
      for (const [status, response] of entries) {
        expect(status, where).toMatch(/^([1-5]\d\d|default)$/);
        expect(typeof response.description, `${where} ${status}`).toBe('string');
        if (status === '204') continue; // no content by definition
        // JSON, except the files some operations send (a report as Markdown or PDF).
        const media = Object.entries(response.content ?? {});
        expect(media.length, `${where} ${status}`).toBeGreaterThan(0);
        for (const [type, { schema }] of media) {
          expect(schema, `${where} ${status} ${type}`).toBeTruthy();
          if (!status.startsWith('2')) expect(type, `${where} ${status}`).toBe('application/json');
        }
      }
    }
  });

  it('documents the error responses in the error shape', () => {
    const error = doc.paths['/api/v1/sessions/{id}/pause']!.post!.responses['409']!;
    const schema = error.content!['application/json']!.schema as {
      properties: { detail: { properties: Record<string, unknown>; required: string[] } };
    };
    expect(Object.keys(schema.properties.detail.properties)).toEqual(
      expect.arrayContaining(['code', 'message', 'errors']),
    );
    expect(schema.properties.detail.required).toEqual(expect.arrayContaining(['code', 'message']));
  });

  it('declares every path template parameter as a required path parameter with a schema', () => {
    for (const { path, method, op } of operations()) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of names) {
        const param = op.parameters?.find((p) => p.name === name && p.in === 'path');
        expect(param, `${method} ${path} {${name}}`).toBeDefined();
        expect(param!.required).toBe(true);
        expect(param!.schema).toBeTruthy();
      }
    }
  });

  it('marks the protected operations with the bearer scheme it defines', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    expect(schemes).toHaveProperty('bearer');
    const me = doc.paths['/api/v1/users/me']!.get as Operation & { security?: unknown };
    expect(me.security).toEqual([{ bearer: [] }]);
  });

  it('resolves every $ref inside the document', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = JSON.parse(`{${ref}}`).$ref as string;
      expect(pointer.startsWith('#/'), pointer).toBe(true);
      const target = pointer
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, pointer).toBeDefined();
    }
  });

  it('has unique operation ids where it has any', () => {
    const ids = operations()
      .map(({ op }) => op.operationId)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the interactive docs at /docs', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops += 1) {
      const next = new URL(String(res.headers.location), 'http://localhost/docs/');
      res = await t.app.inject({ method: 'GET', url: next.pathname + next.search });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createResponseChecker,
  fetchOpenApi,
  listOperations,
  type JsonSchema,
  type OpenApiOperation,
} from '../support/openapi-document.js';
import { arbitraryFor } from '../support/schema-arbitrary.js';

const TOTAL_RUNS = 340; // spread over every operation; a few seconds in all
const SEED = 20261201;

/** The contract's error shape, exactly. */
function errorShapeProblems(res: LightMyRequestResponse): string[] {
  if (!/^application\/json/.test(String(res.headers['content-type']))) return ['not JSON'];
  const body = res.json() as { detail?: Record<string, unknown> };
  const problems: string[] = [];
  if (Object.keys(body).join() !== 'detail') problems.push('keys other than detail');
  const detail = body.detail ?? {};
  if (!/^[A-Z]+(_[A-Z]+)*$/.test(String(detail.code))) problems.push('code not UPPER_SNAKE');
  if (typeof detail.message !== 'string' || detail.message === '') problems.push('no message');
  if (Object.keys(detail).some((k) => !['code', 'message', 'errors'].includes(k))) {
    problems.push('unknown detail keys');
  }
  return problems;
}

const rawPathValue = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('%zz', '%E0%A4%A', '..', '.', '%00', 'null', '0', '-1'),
  fc.integer({ min: 90, max: 400 }).map((n) => 'a'.repeat(n)),
);

const rawBody = fc.record({
  payload: fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{', '{"a":', '[]', 'null', '""', '{"content":1}', '\u0000'),
  ),
  type: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
  ),
});

describe('a schema-driven fuzz of every operation in the document', () => {
  let t: TestApp;
  let user: TestUser;
  let ids: string[];
  let check: ReturnType<typeof createResponseChecker>;
  let operations: { path: string; method: string; op: OpenApiOperation }[];

  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const accepted = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain(); // a terminal operation: `?wait=` answers at once
    expect((await getOperation(t.app, user, accepted.id)).json().status).toBe('completed');
    ids = [session.id, session.job_posting_id, accepted.id, user.id];
    const doc = await fetchOpenApi(t.app);
    check = createResponseChecker(doc);
    operations = listOperations(doc);
  });
  afterAll(() => t.close());

  it('never answers 5xx, keeps every 4xx in the error shape and every status declared', async () => {
    const runs = Math.ceil(TOTAL_RUNS / operations.length);
    for (const [index, { path, method, op }] of operations.entries()) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content['application/json']?.schema as JsonSchema;
      const request = fc.record({
        path: fc.tuple(
          ...params.map(() => fc.oneof(fc.constantFrom(...ids), fc.uuid(), rawPathValue)),
        ),
        query: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...query.map((q) => q.name), 'x'), fc.string()),
            fc.oneof(...query.map((q) => arbitraryFor(q.schema)), fc.string({ maxLength: 20 })),
          ),
          { maxLength: 3 },
        ),
        body: fc.oneof(
          { weight: 3, arbitrary: arbitraryFor(bodySchema).map((json) => ({ json })) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })) },
          { weight: 2, arbitrary: rawBody },
          { weight: 1, arbitrary: fc.constant({}) },
        ),
        auth: fc.constantFrom('valid', 'none', 'garbage', 'not bearer'),
      });

      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let i = 0;
          const concrete = path.replace(/\{\w+\}/g, () => String(r.path[i++]));
          const search = new URLSearchParams(r.query.map(([k, v]) => [k, String(v)])).toString();
          const url = search ? `${concrete}?${search}` : concrete;
          const headers: Record<string, string> = {};
          if (r.auth === 'valid') headers.authorization = user.headers.authorization;
          if (r.auth === 'garbage') headers.authorization = 'Bearer not.a.token';
          if (r.auth === 'not bearer') headers.authorization = 'Basic dXNlcjpwYXNz';
          let payload: string | undefined;
          if ('json' in r.body && r.body.json !== undefined && method !== 'get') {
            payload = JSON.stringify(r.body.json);
            headers['content-type'] = 'application/json';
          } else if ('payload' in r.body && method !== 'get') {
            payload = r.body.payload;
            headers['content-type'] = r.body.type;
          }
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers,
            payload,
          });
          const where = `${method.toUpperCase()} ${url} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(errorShapeProblems(res), where).toEqual([]);
            const code = res.json().detail.code;
            if (code === 'NOT_FOUND' || code === 'METHOD_NOT_ALLOWED') return; // another path
          }
          expect(check(method.toUpperCase(), url, res.statusCode, res.body), where).toEqual([]);
        }),
        { seed: SEED + index, numRuns: runs, endOnFailure: true },
      );
    }
  });
});

import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createResponseChecker,
  fetchOpenApi,
  listOperations,
  type OpenApiDocument,
} from '../support/openapi-document.js';

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await buildTestApp();
    doc = await fetchOpenApi(t.app);
  });
  afterAll(() => t.close());

  it("passes Redocly's recommended lint with no error and no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(found).toEqual([]);
  });

  it('gives every operation a summary, a camelCase verbNoun operationId and a tag', () => {
    for (const { path, method, op } of listOperations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.operationId, where).toMatch(/^[a-z]+(?:[A-Z][a-z]*)+$/);
      expect(op.tags?.length, where).toBeGreaterThan(0);
    }
  });

  it('keeps the operation ids clients already use', () => {
    const ids = Object.fromEntries(
      listOperations(doc).map(({ path, method, op }) => [`${method} ${path}`, op.operationId]),
    );
    expect(ids).toMatchObject({
      'post /api/v1/auth/register': 'registerUser',
      'post /api/v1/auth/login': 'loginUser',
      'get /api/v1/users/me': 'getCurrentUser',
      'put /api/v1/users/me/resume': 'saveResume',
      'get /api/v1/job-postings': 'listJobPostings',
      'post /api/v1/sessions/{id}/answers': 'submitAnswer',
      'post /api/v1/sessions/{id}/generate-question': 'generateQuestion',
      'get /api/v1/operations/{id}': 'getOperation',
    });
  });

  it('marks register and login public and every other operation as needing the token', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const { path, method, op } of listOperations(doc)) {
      const isPublic =
        method === 'post' && ['/api/v1/auth/register', '/api/v1/auth/login'].includes(path);
      expect(op.security, `${method} ${path}`).toEqual(isPublic ? [] : [{ bearer: [] }]);
      expect(Object.keys(op.responses).includes('401'), `${method} ${path}`).toBe(
        !isPublic || path.endsWith('/login'),
      );
    }
  });

  it('declares 422 wherever input is validated and 413/415 wherever a body is read', () => {
    for (const { path, method, op } of listOperations(doc)) {
      const statuses = Object.keys(op.responses);
      if (op.parameters?.length || op.requestBody) expect(statuses, path).toContain('422');
      if (method !== 'get') expect(statuses, path).toEqual(expect.arrayContaining(['413', '415']));
    }
  });

  it('has a server to resolve the paths against', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
  });
});

describe('real answers of the main flow', () => {
  let t: TestApp;
  let check: ReturnType<typeof createResponseChecker>;
  const seen: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp();
    check = createResponseChecker(await fetchOpenApi(t.app));
  });
  afterAll(() => t.close());

  it('refuses an answer its schema forbids (so the checks below can fail)', () => {
    const bad = JSON.stringify({ id: 'x', email: 1, full_name: 'A', created_at: 'now' });
    const problems = check('GET', '/api/v1/users/me', 200, bad);
    expect(problems).toContain('GET /api/v1/users/me 200: /id must match format "uuid"');
    expect(problems).toContain('GET /api/v1/users/me 200: /email must be string');
    expect(check('GET', '/api/v1/users/me', 418, '{}')).toEqual([
      'GET /api/v1/users/me 418 is not a declared status',
    ]);
  });

  /** Sends a request and fails on any answer the document does not describe exactly. */
  async function send(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const res = await t.app.inject(options);
    const method = options.method ?? 'GET';
    expect(check(method, options.url, res.statusCode, res.body), res.body).toEqual([]);
    seen.push(`${method} ${res.statusCode}`);
    return res;
  }

  it('match the schemas the document declares for them, errors included', async () => {
    const email = 'conformance@example.com';
    const password = 'correct horse battery';
    const register = { email, password, full_name: 'Ada Lovelace' };
    await send({ method: 'POST', url: '/api/v1/auth/register', payload: register });
    await send({ method: 'POST', url: '/api/v1/auth/register', payload: register }); // 409
    await send({ method: 'POST', url: '/api/v1/auth/register', payload: { email } }); // 422
    await send({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'nope' } });
    const login = await send({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    const headers = { authorization: `Bearer ${login.json().access_token}` };

    await send({ method: 'GET', url: '/api/v1/users/me', headers });
    await send({ method: 'GET', url: '/api/v1/users/me' }); // 401
    await send({ method: 'GET', url: '/api/v1/users/me/resume', headers }); // 404
    const content = 'Backend engineer. Built payment APIs in TypeScript on PostgreSQL.';
    await send({ method: 'PUT', url: '/api/v1/users/me/resume', headers, payload: { content } });
    await send({ method: 'GET', url: '/api/v1/users/me/resume', headers });

    const posting = await send({
      method: 'POST',
      url: '/api/v1/job-postings',
      headers,
      payload: { title: 'Backend Engineer', description: 'Own our order service on PostgreSQL.' },
    });
    const postingId = posting.json().id as string;
    await send({ method: 'GET', url: '/api/v1/job-postings', headers });
    await send({ method: 'GET', url: `/api/v1/job-postings/${postingId}`, headers });
    await send({ method: 'GET', url: '/api/v1/job-postings/not-a-uuid', headers }); // 422

    const session = await send({
      method: 'POST',
      url: '/api/v1/sessions',
      headers,
      payload: { job_posting_id: postingId },
    });
    const sessionId = session.json().id as string;
    await send({ method: 'GET', url: '/api/v1/sessions', headers });
    await send({ method: 'GET', url: `/api/v1/sessions/${sessionId}`, headers });
    await send({ method: 'POST', url: `/api/v1/sessions/${sessionId}/resume`, headers }); // 409
    const answers = `/api/v1/sessions/${sessionId}/answers`;
    await send({ method: 'POST', url: answers, headers, payload: { content: 'Hi' } }); // 409

    const accepted = await send({
      method: 'POST',
      url: `/api/v1/sessions/${sessionId}/generate-question`,
      headers,
    });
    const operation = `/api/v1/operations/${accepted.json().id}`;
    await send({ method: 'GET', url: operation, headers }); // still pending
    expect(await t.worker.drain()).toBe(1);
    const done = await send({ method: 'GET', url: `${operation}?wait=1`, headers });
    expect(done.json().status).toBe('completed');
    await send({ method: 'GET', url: `/api/v1/sessions/${sessionId}/operations`, headers });

    // The stored answer has no question type: the document must allow that null.
    const answer = await send({
      method: 'POST',
      url: answers,
      headers,
      payload: { content: 'I would start from the slowest query and measure.' },
    });
    expect(answer.json().question_type).toBeNull();
    const messages = await send({
      method: 'GET',
      url: `/api/v1/sessions/${sessionId}/messages`,
      headers,
    });
    expect(messages.json().map((m: { role: string }) => m.role)).toEqual([
      'interviewer',
      'candidate',
    ]);

    await send({ method: 'POST', url: `/api/v1/sessions/${sessionId}/complete`, headers });
    await send({ method: 'POST', url: answers, headers, payload: { content: 'More' } }); // 400

    expect(seen).toEqual(
      expect.arrayContaining([
        'POST 201',
        'POST 409',
        'POST 422',
        'POST 401',
        'GET 404',
        'POST 400',
      ]),
    );
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createSession,
  createUser,
  type TestUser,
} from '../support/factories.js';

// Things no error body may contain: stack frames, file paths, SQL.
const LEAKS = [
  /\bat \//,
  /\bat [\w.<>]+ \(/,
  /\.(ts|js|mjs|cjs):\d+/,
  /\/(work|home|usr|src|node_modules|tmp)\//,
  /[A-Z]:\\\\/,
  /\bstack\b/i,
  /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|RETURNING)\b.*\b(FROM|INTO|SET|WHERE|VALUES)\b/i,
  /\b(relation|column|constraint|violates|syntax error|duplicate key)\b/i,
  /Drizzle|PGlite|postgres|pg_/i,
];

/** The contract's error shape, nothing more, and nothing that leaks the inside. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['detail']);
  expect(Object.keys(body.detail).every((k) => ['code', 'message', 'errors'].includes(k))).toBe(
    true,
  );
  expect(body.detail.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  expect(typeof body.detail.message).toBe('string');
  expect(body.detail.message.length).toBeGreaterThan(0);
  if (code) expect(body.detail.code).toBe(code);
  for (const leak of LEAKS) expect(res.body, `${leak} in ${res.body}`).not.toMatch(leak);
  return body.detail as {
    code: string;
    message: string;
    errors?: { field: string; message: string }[];
  };
}

describe('errors', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  const json = (
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    body: string | Buffer,
    contentType = 'application/json',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...user.headers, 'content-type': contentType },
      payload: body,
    });

  it('answers 422 VALIDATION_ERROR with errors[] for malformed JSON', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/job-postings'],
      ['PUT', '/api/v1/users/me/resume'],
      ['POST', '/api/v1/auth/register'],
      ['POST', '/api/v1/auth/login'],
    ] as const) {
      const detail = expectErrorBody(
        await json(method, url, '{"title": "x",'),
        422,
        'VALIDATION_ERROR',
      );
      expect(detail.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    }
  });

  it('answers 415 or 422 in the error shape for a text/plain body to a JSON route', async () => {
    for (const url of ['/api/v1/job-postings', '/api/v1/auth/login']) {
      const res = await json('POST', url, 'title=x', 'text/plain');
      expect([415, 422]).toContain(res.statusCode);
      expectErrorBody(
        res,
        res.statusCode,
        res.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_ERROR',
      );
    }
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a content type no route reads', async () => {
    expectErrorBody(
      await json('POST', '/api/v1/job-postings', '<a/>', 'application/xml'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a JSON body over 1 MiB', async () => {
    const body = JSON.stringify({ title: 't', description: 'd'.repeat(1024 * 1024) });
    expectErrorBody(await json('POST', '/api/v1/job-postings', body), 413, 'PAYLOAD_TOO_LARGE');
    const rows = await t.deps.db.query('SELECT 1 FROM job_postings WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(0);
  });

  it('accepts a JSON body just under 1 MiB (the limit is the body, not less)', async () => {
    // Far over the field limits, so 422; the point is that it is read, not refused for size.
    const body = JSON.stringify({ title: 't', description: 'd'.repeat(1024 * 1024 - 100) });
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    expectErrorBody(await json('POST', '/api/v1/job-postings', body), 422, 'VALIDATION_ERROR');
  });

  it('answers 404 NOT_FOUND in the error shape for an unknown route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/v2/sessions'],
      ['DELETE', '/api/v1/session'],
      ['POST', '/api'],
    ] as const) {
      expectErrorBody(await t.app.inject({ method, url, headers: user.headers }), 404, 'NOT_FOUND');
    }
  });

  it('answers 422, not 500, for text with a NUL character on every kind of write', async () => {
    const posting = await createJobPosting(t.app, user);
    const nul = 'a\u0000b';
    const writes = [
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: `${randomUUID()}@example.com`, password: 'long enough', full_name: nul },
      }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `x${nul}@example.com`, password: 'long enough' },
      }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/job-postings',
        headers: user.headers,
        payload: { title: nul, description: 'd' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/job-postings/${posting.id}`,
        headers: user.headers,
        payload: { company: nul },
      }),
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/users/me/resume',
        headers: user.headers,
        payload: { content: nul },
      }),
    ];
    for (const res of await Promise.all(writes)) expectErrorBody(res, 422, 'VALIDATION_ERROR');
  });

  it('answers 500 INTERNAL_ERROR with a generic message for an unexpected failure', async () => {
    const failure = new Error(
      'select * from job_postings where user_id = $1 failed at /work/main/src/x.ts:12',
    );
    const spy = vi.spyOn(t.deps.services.jobPostings, 'listPage').mockRejectedValueOnce(failure);
    try {
      const detail = expectErrorBody(
        await t.app.inject({ method: 'GET', url: '/api/v1/job-postings', headers: user.headers }),
        500,
        'INTERNAL_ERROR',
      );
      expect(detail.message).not.toContain(failure.message);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps every 4xx of the API in the error shape without leaks', async () => {
    const other = await createUser(t.app);
    const session = await createSession(t.app, other);
    const id = randomUUID();
    const h = user.headers;
    const requests = [
      { method: 'GET', url: '/api/v1/users/me' },
      { method: 'GET', url: '/api/v1/users/me', headers: { authorization: 'Bearer x.y.z' } },
      {
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: user.email, password: 'whatever123', full_name: 'x' },
      },
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong password' },
      },
      { method: 'GET', url: '/api/v1/users/me/resume', headers: h },
      { method: 'GET', url: `/api/v1/job-postings/${id}`, headers: h },
      { method: 'GET', url: '/api/v1/job-postings/x', headers: h },
      { method: 'GET', url: `/api/v1/sessions/${session.id}`, headers: h },
      { method: 'POST', url: `/api/v1/sessions/${session.id}/pause`, headers: h },
      { method: 'POST', url: `/api/v1/sessions/${session.id}/resume`, headers: other.headers },
      {
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/answers`,
        headers: other.headers,
        payload: { content: 'x' },
      },
      {
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/answers`,
        headers: other.headers,
        payload: { content: 7 },
      },
      {
        method: 'POST',
        url: '/api/v1/sessions',
        headers: h,
        payload: { job_posting_id: session.job_posting_id },
      },
      // Another user's posting: 404, as if it did not exist.
      { method: 'DELETE', url: `/api/v1/job-postings/${session.job_posting_id}`, headers: h },
    ] satisfies InjectOptions[];
    for (const req of requests) {
      const res = await t.app.inject(req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectErrorBody(res, res.statusCode);
    }
  });

  describe('every protected route answers 401 with WWW-Authenticate: Bearer', () => {
    const id = randomUUID();
    const routes = [
      ['GET', '/api/v1/users/me'],
      ['PUT', '/api/v1/users/me/resume'],
      ['GET', '/api/v1/users/me/resume'],
      ['POST', '/api/v1/users/me/resume/file'],
      ['POST', '/api/v1/job-postings'],
      ['GET', '/api/v1/job-postings'],
      ['GET', `/api/v1/job-postings/${id}`],
      ['PATCH', `/api/v1/job-postings/${id}`],
      ['DELETE', `/api/v1/job-postings/${id}`],
      ['POST', '/api/v1/sessions'],
      ['GET', '/api/v1/sessions'],
      ['GET', `/api/v1/sessions/${id}`],
      ['POST', `/api/v1/sessions/${id}/pause`],
      ['POST', `/api/v1/sessions/${id}/resume`],
      ['POST', `/api/v1/sessions/${id}/complete`],
      ['GET', `/api/v1/sessions/${id}/messages`],
      ['POST', `/api/v1/sessions/${id}/answers`],
    ] as const;

    it.each(routes)('%s %s without a token or with a malformed one', async (method, url) => {
      for (const authorization of [undefined, 'Bearer', 'Token abc', `Bearer ${user.token}x`]) {
        const res = await t.app.inject({
          method,
          url,
          headers: authorization ? { authorization } : {},
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        expectErrorBody(res, 401, 'UNAUTHORIZED');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });
  });
});

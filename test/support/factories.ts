import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  headers: { authorization: string };
}

export async function createUser(
  app: FastifyInstance,
  overrides: { email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomUUID()}@example.com`;
  const password = overrides.password ?? 'correct horse battery';
  const reg = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, full_name: 'Test User' },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const token = await loginAs(app, email, password);
  return {
    id: reg.json().id,
    email,
    password,
    token,
    headers: { authorization: `Bearer ${token}` },
  };
}

export async function loginAs(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().access_token;
}

export async function saveResume(
  app: FastifyInstance,
  user: TestUser,
  content = 'Senior engineer. Built payment APIs in TypeScript and PostgreSQL.',
) {
  const res = await app.inject({
    method: 'PUT',
    url: '/api/v1/users/me/resume',
    headers: user.headers,
    payload: { content },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function createJobPosting(
  app: FastifyInstance,
  user: TestUser,
  overrides: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/job-postings',
    headers: user.headers,
    payload: {
      title: 'Backend Engineer',
      description: 'Build and operate our TypeScript services on PostgreSQL.',
      company: 'Acme',
      tech_stack: 'TypeScript, PostgreSQL',
      experience_level: 'senior',
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

export async function createSession(app: FastifyInstance, user: TestUser, jobPostingId?: string) {
  const postingId = jobPostingId ?? (await createJobPosting(app, user)).id;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    headers: user.headers,
    payload: { job_posting_id: postingId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    job_posting_id: string;
    status: string;
    question_count: number;
  };
}

export async function requestQuestion(
  app: FastifyInstance,
  user: TestUser,
  sessionId: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/sessions/${sessionId}/generate-question`,
    headers: { ...user.headers, ...headers },
  });
}

export async function getOperation(app: FastifyInstance, user: TestUser, id: string, query = '') {
  return app.inject({
    method: 'GET',
    url: `/api/v1/operations/${id}${query}`,
    headers: user.headers,
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `call` sends a request as a user (or anonymously); `expectError` checks the contract's error shape.
 * Pass a getter when the app is built later, in `beforeAll`.
 */
export function apiCalls(app: FastifyInstance | (() => FastifyInstance)) {
  const appOf = typeof app === 'function' ? app : () => app;
  const call = (method: Method, url: string, user: TestUser | null, payload?: unknown) =>
    appOf().inject({
      method,
      url: `/api/v1${url}`,
      headers: user?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const expectError = (res: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().detail.code).toBe(code);
  };
  return { call, expectError };
}

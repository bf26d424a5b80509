import { expect } from 'vitest';
import type { TestApp } from '../support/harness.js';
import { requestQuestion, type TestUser } from '../support/factories.js';

export const STRONG_ANSWER =
  'When our order service kept timing out in 2023, I was asked to fix it before the holiday peak. ' +
  'I profiled the slow queries in PostgreSQL, added two indexes and moved the retries into a queue. ' +
  'I also wrote a load test and ran it every night. As a result, p99 latency fell from 900 ms to 120 ms.';

export function api(t: TestApp) {
  const call = (method: 'GET' | 'POST', url: string, user: TestUser | null, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: user?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const expectError = (res: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().detail.code).toBe(code);
  };
  /** Asks for a question, runs the worker, answers it; returns the answer's 201 body. */
  async function answerNext(user: TestUser, sessionId: string, content = STRONG_ANSWER) {
    expect((await requestQuestion(t.app, user, sessionId)).statusCode).toBe(202);
    await t.worker.drain();
    const res = await call('POST', `/sessions/${sessionId}/answers`, user, { content });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; content: string; feedback_operation_id: string };
  }
  return { call, expectError, answerNext };
}

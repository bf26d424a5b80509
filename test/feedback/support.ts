import { completion } from '../llm/fake-openai-server.js';
import { expect } from 'vitest';
import type { TestApp } from '../support/harness.js';
import { apiCalls, requestQuestion, type TestUser } from '../support/factories.js';

export const STRONG_ANSWER =
  'When our order service kept timing out in 2023, I was asked to fix it before the holiday peak. ' +
  'I profiled the slow queries in PostgreSQL, added two indexes and moved the retries into a queue. ' +
  'I also wrote a load test and ran it every night. As a result, p99 latency fell from 900 ms to 120 ms.';

export function api(t: TestApp) {
  const { call, expectError } = apiCalls(t.app);
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

export const levels = (level: number, quotes: string[]) =>
  (['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const).map((key) => ({
    key,
    level,
    comment: `${key} judged`,
    quotes,
  }));
/** A model's feedback on STRONG_ANSWER, as an OpenAI-compatible server would send it. */
export const modelFeedbackReply = (overrides: Record<string, unknown> = {}) =>
  completion(
    JSON.stringify({
      answer_class: 'substantive',
      summary: 'A clear story with a measured result.',
      // Sloppy quotes, as models return them: the case and the spacing differ from the answer.
      criteria: levels(2, [
        'I PROFILED THE SLOW QUERIES   in postgresql',
        'p99 latency fell from 900 ms to 120 ms',
      ]),
      strengths: [{ text: 'Measured result.', quotes: ['p99 latency fell from 900 ms to 120 ms'] }],
      improvements: [{ text: 'Say what you learned.' }],
      requirement_status: 'demonstrated',
      example_answer: 'Situation: at Globex in 2019 I [what you did]. Result: p99 fell to 120 ms.',
      score: 3, // a free number from the model is ignored
      ...overrides,
    }),
  );

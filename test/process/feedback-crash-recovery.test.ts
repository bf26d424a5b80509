import { expect } from 'vitest';
import { completion } from '../llm/fake-openai-server.js';
import { describeCrashRecovery, signUpForInterview } from '../support/crash-recovery.js';
import { api, untilCompleted } from '../support/server-process.js';

const QUESTION = completion(
  JSON.stringify({
    question_text: 'Tell me about a time you kept the Year 5 reading groups on track.',
    question_type: 'behavioral',
    focus: { requirement: 'Year 5 class', evidence: null, summary: 'classroom practice' },
  }),
);
const ANSWER =
  'Last spring two of my Year 5 reading groups fell behind, so I was asked to catch them up before the tests. I rebuilt the groups by reading level and ran ten-minute daily guided sessions. As a result, 14 of 16 pupils reached the expected level by June.';

// kill -9 in the middle of an evaluation: picked up again and finished, like a question.
describeCrashRecovery({
  work: 'evaluation',
  async prepare(url, model) {
    const interview = await signUpForInterview(url);
    const { token, sessionId } = interview;
    model.reply(QUESTION);
    const q = await api(
      url,
      'POST',
      `/api/v1/sessions/${sessionId}/generate-question`,
      undefined,
      token,
    );
    await untilCompleted(url, token, q.json.id);
    return interview;
  },
  start: async (url, { token, sessionId }) =>
    (await api(url, 'POST', `/api/v1/sessions/${sessionId}/answers`, { content: ANSWER }, token))
      .json.feedback_operation_id,
  finish: completion(
    JSON.stringify({
      answer_class: 'substantive',
      summary: 'A clear story.',
      criteria: ['relevance', 'structure', 'specificity', 'ownership', 'impact'].map((key) => ({
        key,
        level: 2,
        comment: 'ok',
        quotes: ['I rebuilt the groups by reading level'],
      })),
      strengths: [],
      improvements: [],
      requirement_status: 'demonstrated',
      example_answer: null,
    }),
  ),
  async check(url, { token, sessionId }, operation) {
    expect(operation).toMatchObject({ status: 'completed', result: { status: 'scored' } });
    const feedback = (
      await api(url, 'GET', `/api/v1/sessions/${sessionId}/feedback`, undefined, token)
    ).json;
    expect(feedback).toHaveLength(1); // stored once, however often it was run
  },
});

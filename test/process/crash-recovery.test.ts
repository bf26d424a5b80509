import { expect } from 'vitest';
import { completion } from '../llm/fake-openai-server.js';
import { describeCrashRecovery, signUpForInterview } from '../support/crash-recovery.js';
import { api } from '../support/server-process.js';

// kill -9 in the middle of a question generation: picked up again, stored once.
describeCrashRecovery({
  work: 'question generation',
  prepare: (url) => signUpForInterview(url),
  start: async (url, { token, sessionId }) =>
    (await api(url, 'POST', `/api/v1/sessions/${sessionId}/generate-question`, undefined, token))
      .json.id,
  finish: completion(
    JSON.stringify({
      question_text:
        'How did you keep the Year 5 reading groups on track during the curriculum change?',
      question_type: 'experience',
      focus: {
        requirement: 'Year 5 class',
        evidence: 'reading groups',
        summary: 'classroom practice',
      },
    }),
  ),
  async check(url, { token, sessionId }, operation) {
    expect(operation).toMatchObject({
      status: 'completed',
      result: { question_type: 'experience' },
    });
    const messages = (
      await api(url, 'GET', `/api/v1/sessions/${sessionId}/messages`, undefined, token)
    ).json;
    expect(messages).toHaveLength(1); // stored once, however often it was run
  },
});

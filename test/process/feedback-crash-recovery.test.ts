import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../llm/fake-openai-server.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';
import { TEST_JWT_SECRET } from '../support/harness.js';
import {
  api,
  spawnService,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../support/server-process.js';

const QUESTION = completion(
  JSON.stringify({
    question_text: 'Tell me about a time you kept the Year 5 reading groups on track.',
    question_type: 'behavioral',
    focus: { requirement: 'Year 5 class', evidence: null, summary: 'classroom practice' },
  }),
);
const ANSWER =
  'Last spring two of my Year 5 reading groups fell behind, so I was asked to catch them up before the tests. I rebuilt the groups by reading level and ran ten-minute daily guided sessions. As a result, 14 of 16 pupils reached the expected level by June.';
const FEEDBACK = completion(
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
);

/** An interview whose one answer is being evaluated by a model that hangs. */
async function answerUnderEvaluation(url: string, model: FakeOpenAIServer) {
  const email = `fb-crash-${Date.now()}-${Math.random()}@example.com`;
  await api(url, 'POST', '/api/v1/auth/register', {
    email,
    password: 'long enough',
    full_name: 'C',
  });
  const token = (await api(url, 'POST', '/api/v1/auth/login', { email, password: 'long enough' }))
    .json.access_token;
  const posting = (
    await api(
      url,
      'POST',
      '/api/v1/job-postings',
      { title: 'Teacher', description: 'Year 5 class.' },
      token,
    )
  ).json;
  const session = (
    await api(url, 'POST', '/api/v1/sessions', { job_posting_id: posting.id }, token)
  ).json;
  model.reply(QUESTION);
  const q = (
    await api(url, 'POST', `/api/v1/sessions/${session.id}/generate-question`, undefined, token)
  ).json;
  expect(
    (await api(url, 'GET', `/api/v1/operations/${q.id}?wait=30`, undefined, token)).json.status,
  ).toBe('completed');
  const requestsBefore = model.requests.length;
  model.reply({ hang: true });
  const answer = (
    await api(url, 'POST', `/api/v1/sessions/${session.id}/answers`, { content: ANSWER }, token)
  ).json;
  // Kill only once the model has the request: the evaluation is truly under way.
  await expect.poll(() => model.requests.length, { timeout: 15_000 }).toBe(requestsBefore + 1);
  return { token, session, opId: answer.feedback_operation_id as string };
}

// kill -9 in the middle of an evaluation: picked up again and finished, like a question.
describe('feedback crash recovery', () => {
  let model: FakeOpenAIServer;
  const running: ServerProcess[] = [];
  beforeAll(async () => {
    model = await startFakeOpenAIServer();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
    await model.close();
  });
  const llmEnv = () => ({
    LLM_PROVIDER: 'openai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: model.baseUrl,
    LLM_TIMEOUT_MS: '5000',
  });

  it(
    'embedded: a restarted process finishes the interrupted evaluation',
    { timeout: 180_000 },
    async () => {
      const dataDir = await tempDataDir();
      const first = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
      running.push(first);
      const { token, session, opId } = await answerUnderEvaluation(first.url, model);
      expect(
        (await api(first.url, 'GET', `/api/v1/operations/${opId}`, undefined, token)).json.status,
      ).toBe('processing');
      await first.stop('SIGKILL');

      model.reply(FEEDBACK);
      const second = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
      running.push(second);
      const done = await api(
        second.url,
        'GET',
        `/api/v1/operations/${opId}?wait=30`,
        undefined,
        token,
      );
      expect(done.json, second.output()).toMatchObject({
        status: 'completed',
        result: { status: 'scored' },
      });
      const feedback = (
        await api(second.url, 'GET', `/api/v1/sessions/${session.id}/feedback`, undefined, token)
      ).json;
      expect(feedback).toHaveLength(1); // stored once, however often it was run
      expect(await second.stop()).toBe(0);
    },
  );

  describe.skipIf(!TEST_DATABASE_URL)('on PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(pino({ level: 'silent' }));
      await database.db.close();
    });
    afterAll(() => database.drop());

    it(
      'another worker takes over once the dead worker’s lease lapses',
      { timeout: 180_000 },
      async () => {
        const env = { DATABASE_URL: database.url!, JWT_SECRET: TEST_JWT_SECRET, ...llmEnv() };
        const apiServer = await startServer({ ...env, WORKER_IN_API: 'false' });
        running.push(apiServer);
        const doomed = spawnService('worker', env);
        const { token, opId } = await answerUnderEvaluation(apiServer.url, model);
        doomed.proc.kill('SIGKILL');
        await doomed.exited;

        model.reply(FEEDBACK);
        const rescuer = spawnService('worker', env);
        const done = await api(
          apiServer.url,
          'GET',
          `/api/v1/operations/${opId}?wait=30`,
          undefined,
          token,
        );
        expect(done.json.status).toBe('completed');
        rescuer.proc.kill('SIGTERM');
        expect(await rescuer.exited).toBe(0);
      },
    );
  });
});

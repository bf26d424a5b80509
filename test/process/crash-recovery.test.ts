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
    question_text:
      'How did you keep the Year 5 reading groups on track during the curriculum change?',
    question_type: 'experience',
    focus: {
      requirement: 'Year 5 class',
      evidence: 'reading groups',
      summary: 'classroom practice',
    },
  }),
);

async function startInterview(url: string) {
  const email = `crash-${Date.now()}-${Math.random()}@example.com`;
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
  const op = (
    await api(url, 'POST', `/api/v1/sessions/${session.id}/generate-question`, undefined, token)
  ).json;
  return { token, op, session };
}

// Hang guards for steps that take a process start or the AI SDK's first load: seconds
// on a loaded machine, not the 1 s expect.poll allows by default.
const SETTLE = { timeout: 60_000, interval: 100 };

// kill -9 in the middle of a generation: the operation is picked up again and ends.
describe('crash recovery', () => {
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
    // A hang guard, not a speed check: a first generation loads the AI SDK and the text
    // analysis (seconds on a loaded machine), and a killed process waits on the hanging
    // model until it is killed rather than failing before the test sees it under way.
    LLM_TIMEOUT_MS: '120000',
  });

  it('embedded: a restarted process finishes the interrupted operation', async () => {
    const dataDir = await tempDataDir();
    model.reply({ hang: true });
    const first = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
    running.push(first);
    const { token, op } = await startInterview(first.url);
    await expect
      .poll(
        async () =>
          (await api(first.url, 'GET', `/api/v1/operations/${op.id}`, undefined, token)).json
            .status,
        SETTLE,
      )
      .toBe('processing');
    // Kill only once the model has the request: the generation is truly under way.
    await expect.poll(() => model.requests.length, SETTLE).toBe(1);
    await first.stop('SIGKILL');

    model.reply(QUESTION);
    const second = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
    running.push(second);
    const done = await api(
      second.url,
      'GET',
      `/api/v1/operations/${op.id}?wait=30`,
      undefined,
      token,
    );
    expect(done.json).toMatchObject({
      status: 'completed',
      result: { question_type: 'experience' },
    });
    expect(await second.stop()).toBe(0);
  });

  describe.skipIf(!TEST_DATABASE_URL)('on PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(pino({ level: 'silent' }));
      await database.db.close();
    });
    afterAll(() => database.drop());

    it('another worker takes over once the dead worker’s lease lapses', async () => {
      const env = { DATABASE_URL: database.url!, JWT_SECRET: TEST_JWT_SECRET, ...llmEnv() };
      const apiServer = await startServer({ ...env, WORKER_IN_API: 'false' });
      running.push(apiServer);
      model.reply({ hang: true });
      const requestsBefore = model.requests.length;
      // A short lease (renewed every third of it while alive) lapses soon after the kill.
      const doomed = spawnService('worker', { ...env, WORKER_LEASE_MS: '3000' });
      const { token, op } = await startInterview(apiServer.url);
      await expect
        .poll(
          async () =>
            (await api(apiServer.url, 'GET', `/api/v1/operations/${op.id}`, undefined, token)).json
              .status,
          SETTLE,
        )
        .toBe('processing');
      await expect.poll(() => model.requests.length, SETTLE).toBe(requestsBefore + 1);
      doomed.proc.kill('SIGKILL');
      await doomed.exited;

      model.reply(QUESTION);
      const rescuer = spawnService('worker', env);
      // The rescuer starts, the dead worker's lease lapses, then the operation completes.
      await expect
        .poll(
          async () =>
            (
              await api(
                apiServer.url,
                'GET',
                `/api/v1/operations/${op.id}?wait=5`,
                undefined,
                token,
              )
            ).json.status,
          SETTLE,
        )
        .toBe('completed');
      rescuer.proc.kill('SIGTERM');
      expect(await rescuer.exited).toBe(0);
    });
  });
});

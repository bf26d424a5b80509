// kill -9 in the middle of a piece of work (a question, an evaluation): it is picked up
// again and finished exactly once, by a restarted process (embedded) or by another
// worker once the dead one's lease lapses (PostgreSQL). One body for every kind of work.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeReply,
} from '../llm/fake-openai-server.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './database.js';
import { TEST_JWT_SECRET } from './harness.js';
import {
  api,
  spawnService,
  startServer,
  tempDataDir,
  type ChildService,
  signUpWithPosting,
  untilCompleted,
  type ServerProcess,
} from './server-process.js';

export interface Interview {
  token: string;
  sessionId: string;
}

export interface Interrupted extends Interview {
  opId: string;
}

export interface CrashScenario {
  /** What is interrupted, for the test names: "question generation", "evaluation". */
  work: string;
  /** An interview on the API at `url`, ready for the work (the model answers as told). */
  prepare(url: string, model: FakeOpenAIServer): Promise<Interview>;
  /** The request that starts the work (the model will hang on it); its operation id. */
  start(url: string, interview: Interview): Promise<string>;
  /** The model's reply that lets the work finish once it is picked up again. */
  finish: FakeReply;
  /** Checks of the finished work beyond its operation being completed. */
  check(url: string, work: Interrupted, operation: Record<string, unknown>): Promise<void>;
}

// Hang guards for steps that take a process start or the AI SDK's first load: seconds
// on a loaded machine, not the 1 s expect.poll allows by default.
const SETTLE = { timeout: 60_000, interval: 100 };

const statusOf = async (url: string, token: string, opId: string) =>
  (await api(url, 'GET', `/api/v1/operations/${opId}`, undefined, token)).json.status;

/** A user with a job posting on the API at `url`, and an interview on it. */
export async function signUpForInterview(url: string): Promise<Interview> {
  const { token, postingId } = await signUpWithPosting(url);
  const session = await api(url, 'POST', '/api/v1/sessions', { job_posting_id: postingId }, token);
  return { token, sessionId: session.json.id as string };
}

export function describeCrashRecovery(scenario: CrashScenario): void {
  describe(`crash recovery of an interrupted ${scenario.work}`, () => {
    let model: FakeOpenAIServer;
    const running: ChildService[] = [];
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
    /** Starts the work and resolves once the model holds its request: truly under way. */
    async function beginUnderWay(url: string): Promise<Interrupted> {
      const interview = await scenario.prepare(url, model);
      model.reply({ hang: true });
      const requestsBefore = model.requests.length;
      const work = { ...interview, opId: await scenario.start(url, interview) };
      await expect.poll(() => model.requests.length, SETTLE).toBe(requestsBefore + 1);
      expect(await statusOf(url, work.token, work.opId)).toBe('processing');
      return work;
    }

    async function completedAt(url: string, work: Interrupted) {
      await scenario.check(url, work, await untilCompleted(url, work.token, work.opId));
    }

    it(`embedded: a restarted process finishes the interrupted ${scenario.work}`, async () => {
      const dataDir = await tempDataDir();
      const first = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
      running.push(first);
      const work = await beginUnderWay(first.url);
      await first.stop('SIGKILL');

      model.reply(scenario.finish);
      const second: ServerProcess = await startServer({ DATA_DIR: dataDir, ...llmEnv() });
      running.push(second);
      await completedAt(second.url, work);
      expect(await second.stop(), second.output()).toBe(0);
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
        // A lease that lapses some seconds after the kill, and that a live worker on a loaded
        // machine still renews in time (every third of it), so the work is claimed once.
        const doomed = spawnService('worker', { ...env, WORKER_LEASE_MS: '10000' });
        running.push(doomed);
        const work = await beginUnderWay(apiServer.url);
        await doomed.stop('SIGKILL');

        model.reply(scenario.finish);
        const rescuer = spawnService('worker', env);
        running.push(rescuer);
        // The rescuer starts, the dead worker's lease lapses, then the work completes.
        await completedAt(apiServer.url, work);
        expect(await rescuer.stop('SIGTERM'), rescuer.output()).toBe(0);
      });
    });
  });
}

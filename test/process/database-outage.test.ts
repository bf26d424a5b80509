import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  completion,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../llm/fake-openai-server.js';
import { TEST_JWT_SECRET } from '../support/harness.js';
import {
  api,
  spawnService,
  startServer,
  type ChildService,
  signUpWithPosting,
  type ServerProcess,
} from '../support/server-process.js';
import {
  startThrowawayPostgres,
  throwawayPostgresUnavailable,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.js';

const QUESTION = completion(
  JSON.stringify({
    question_text:
      'How did you keep the Year 5 reading groups on track during the curriculum change?',
    question_type: 'experience',
    focus: { requirement: 'Year 5 class', evidence: 'reading groups', summary: 'classroom' },
  }),
);
// Long enough for the database to go away while generations are under way.
const SLOW_QUESTION = { ...QUESTION, delayMs: 1_500 };
const IN_FLIGHT = 6;
// How long PostgreSQL stays down: the scenario itself, not a wait for something.
const OUTAGE_MS = 5_000;
const PAUSED = 'claiming work failed; pausing claims';
// Hang guards: a process start through tsx, or a recovery, takes tens of seconds on a loaded machine.
const SETTLE = { timeout: 90_000, interval: 100 };

const why = throwawayPostgresUnavailable();
if (why) console.warn(`database-outage tests skipped: ${why}`);

async function signUp(url: string) {
  const { token, postingId } = await signUpWithPosting(url);
  const ask = async () => {
    const session = (
      await api(url, 'POST', '/api/v1/sessions', { job_posting_id: postingId }, token)
    ).json;
    const op = await api(
      url,
      'POST',
      `/api/v1/sessions/${session.id}/generate-question`,
      undefined,
      token,
    );
    expect(op.status).toBe(202);
    return { sessionId: session.id as string, opId: op.json.id as string };
  };
  return { token, ask };
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe.skipIf(why)('a PostgreSQL outage', () => {
  let cluster: ThrowawayPostgres;
  let model: FakeOpenAIServer;
  const processes: ChildService[] = [];

  beforeAll(async () => {
    [cluster, model] = await Promise.all([startThrowawayPostgres(), startFakeOpenAIServer()]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await model?.close();
    await cluster?.remove();
  });

  async function outageScenario(shape: 'worker in API' | 'separate worker') {
    await cluster.start();
    const env = {
      DATABASE_URL: await cluster.createDatabase(shape === 'worker in API' ? 'inapi' : 'separate'),
      JWT_SECRET: TEST_JWT_SECRET,
      LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: model.baseUrl,
      LLM_TIMEOUT_MS: '8000',
      WORKER_CONCURRENCY: '4',
      // No fallback poll during the test: after recovery only a wake-up can start work.
      WORKER_POLL_INTERVAL_MS: '3600000',
    };
    const server: ServerProcess = await startServer({
      ...env,
      WORKER_IN_API: shape === 'worker in API' ? 'true' : 'false',
    });
    processes.push(server);
    const worker = shape === 'separate worker' ? spawnService('worker', env) : undefined;
    if (worker) {
      processes.push(worker);
      await expect.poll(() => worker.output(), SETTLE).toContain('worker started');
    }
    const workerOutput = () => (worker ? worker.output() : server.output());
    const { token, ask } = await signUp(server.url);
    const get = (p: string) => api(server.url, 'GET', p, undefined, token);
    /** The operation once it ended, polled with short long-polls (a hang guard, not a bound). */
    const ended = async (opId: string) => {
      const read = async () => (await get(`/api/v1/operations/${opId}?wait=10`)).json;
      await expect.poll(async () => (await read()).status, SETTLE).toMatch(/^(completed|failed)$/);
      return read();
    };

    model.replyByDefault(SLOW_QUESTION);
    const requestsBefore = model.requests.length;
    const ops = [];
    for (let i = 0; i < IN_FLIGHT; i++) ops.push(await ask());
    await expect.poll(() => model.requests.length - requestsBefore).toBe(4);

    await cluster.stop();
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json).toEqual({
      detail: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) },
    });
    const read = await get(`/api/v1/operations/${ops[0]!.opId}`);
    expect(read.status).toBe(503);
    expect(read.json.detail.code).toBe('DATABASE_UNAVAILABLE');
    expect(read.headers.get('retry-after')).toBe('5');
    const write = await api(
      server.url,
      'POST',
      `/api/v1/sessions/${ops[0]!.sessionId}/generate-question`,
      undefined,
      token,
    );
    expect(write.status).toBe(503);
    expect(write.json.detail.code).toBe('DATABASE_UNAVAILABLE');
    // The generations in flight finish meanwhile; their results wait for the database.
    await expect.poll(() => model.requests.length - requestsBefore).toBe(4);
    await sleep(OUTAGE_MS);
    await cluster.start();

    await expect.poll(async () => (await get('/readyz')).status).toBe(200);
    for (const { opId } of ops) {
      const done = await ended(opId);
      if (done.status === 'failed') expect(done.error_message).toMatch(/\w+ \w+/);
    }
    // A claim during the outage pauses claims once (a wake-up may or may not have come).
    expect(occurrences(workerOutput(), PAUSED)).toBeLessThanOrEqual(1);
    // Each wake channel's LISTEN connection reports the loss once, however long it lasts.
    const lost = workerOutput()
      .split('\n')
      .filter((line) => line.includes('listen connection lost'))
      .map((line) => /"channel":"(\w+)"/.exec(line)?.[1]);
    expect(lost.length).toBe(new Set(lost).size);

    // With the poll off, this completes only if the wake-up path (NOTIFY for a separate
    // worker) came back by itself.
    model.replyByDefault(QUESTION);
    const fresh = await ask();
    expect((await ended(fresh.opId)).status).toBe('completed');

    expect(server.proc.exitCode).toBeNull();
    if (worker) {
      expect(worker.proc.exitCode).toBeNull();
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
    expect(await server.stop()).toBe(0);
  }

  it('API with its own worker: 503 while down, everything recovers by itself', async () => {
    await outageScenario('worker in API');
  }, 300_000);

  it('API plus a worker process: 503 while down, everything recovers by itself', async () => {
    await outageScenario('separate worker');
  }, 300_000);
});

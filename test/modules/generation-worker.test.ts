import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator, transient } from '../support/fake-generator.js';
import { GenerationError } from '../../src/llm/generator.js';
import { createGenerationQueueRepository } from '../../src/modules/operations/generation-queue.repository.js';
import { startWorker } from '../../src/start-worker.js';

// A lease that lapsed a second ago. A lease of 0 ms is not yet lapsed for a claim in the
// same tick of the database clock (PGlite's is coarse), so a test would depend on timing.
const LAPSED = -1_000;

const opStatus = async (t: TestApp, id: string) =>
  (
    await t.deps.db.query<{ status: string; attempts: number; locked_by: string | null }>(
      'SELECT status, attempts, locked_by FROM operations WHERE id = $1',
      [id],
    )
  )[0]!;

describe('the question-generation worker', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let user: TestUser;

  beforeAll(async () => {
    generator = new FakeGenerator();
    // A budget no step here comes near, however loaded the machine: retries and shutdowns
    // below must not race it. The budget itself is tested on an app of its own.
    t = await buildTestApp({
      generator,
      env: { LLM_TIMEOUT_MS: '60000', WORKER_CONCURRENCY: '4' },
    });
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('fails an operation whose generation outlives the time budget', async () => {
    const hanging = new FakeGenerator().then('hang');
    const short = await buildTestApp({ generator: hanging, env: { LLM_TIMEOUT_MS: '400' } });
    try {
      const owner = await createUser(short.app);
      const session = await createSession(short.app, owner);
      const op = (await requestQuestion(short.app, owner, session.id)).json();
      await short.worker.drain();
      const failed = (await getOperation(short.app, owner, op.id)).json();
      expect(failed.status).toBe('failed');
      expect(failed.error_message).toMatch(/took longer than/);
    } finally {
      await short.close();
    }
  });

  it('retries a transient failure and then completes', async () => {
    const session = await createSession(t.app, user);
    generator.then(
      transient(),
      new GenerationError('rate_limited', 'The provider is rate limiting.'),
    );
    const before = generator.inputs.length;
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    expect((await getOperation(t.app, user, op.id)).json().status).toBe('completed');
    expect(generator.inputs.length - before).toBe(3);
  });

  it('gives up after a bounded number of transient failures', async () => {
    const session = await createSession(t.app, user);
    generator.then(
      transient('Provider down.'),
      transient('Provider down.'),
      transient('Provider down.'),
    );
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const failed = (await getOperation(t.app, user, op.id)).json();
    expect(failed).toMatchObject({ status: 'failed', error_message: 'Provider down.' });
  });

  it('does not retry a failure that is not transient', async () => {
    const session = await createSession(t.app, user);
    generator.then(new GenerationError('rejected_key', 'The key was rejected.'));
    const before = generator.inputs.length;
    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();
    expect(generator.inputs.length - before).toBe(1);
  });

  it('reclaims an operation whose worker died (its lease lapsed) and completes it once', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const queue = createGenerationQueueRepository(t.deps.db);
    // A worker claims it with a lease that lapses at once, then "dies".
    const [claimed] = await queue.claim('dead-worker', 10, LAPSED);
    expect(claimed?.id).toBe(op.id);
    expect((await opStatus(t, op.id)).status).toBe('processing');

    expect(await t.worker.drain()).toBe(1);
    const row = await opStatus(t, op.id);
    expect(row).toMatchObject({ status: 'completed', attempts: 2, locked_by: null });
    // The dead worker coming back cannot finish it a second time.
    expect(await queue.fail(claimed!, 'late')).toBe(false);
    expect((await opStatus(t, op.id)).status).toBe('completed');
  });

  it('gives up on an operation whose workers keep dying, instead of looping', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const queue = createGenerationQueueRepository(t.deps.db);
    for (let i = 0; i < 3; i++)
      expect(await queue.claim(`doomed-${i}`, 10, LAPSED)).toHaveLength(1);
    const before = generator.inputs.length;
    await t.worker.drain();
    const failed = (await getOperation(t.app, user, op.id)).json();
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toMatch(/interrupted repeatedly/);
    expect(generator.inputs.length).toBe(before);
  });

  it('never takes an operation held under a live lease', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const queue = createGenerationQueueRepository(t.deps.db);
    const [claimed] = await queue.claim('other-worker', 10, 60_000);
    expect(claimed?.id).toBe(op.id);
    expect(await t.worker.drain()).toBe(0);
    expect((await opStatus(t, op.id)).status).toBe('processing');
    await queue.complete(claimed!, crypto.randomUUID(), {
      questionText: 'Q?',
      questionType: 'behavioral',
      focus: { requirement: null, evidence: null, summary: 's' },
    });
  });

  it('stores one message when completion is attempted twice', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    const queue = createGenerationQueueRepository(t.deps.db);
    const [claimed] = await queue.claim('w1', 10, 60_000);
    const question = {
      questionText: 'Why?',
      questionType: 'behavioral' as const,
      focus: { requirement: null, evidence: null, summary: 's' },
    };
    expect(await queue.complete(claimed!, crypto.randomUUID(), question)).toEqual({
      kind: 'completed',
    });
    expect(await queue.complete(claimed!, crypto.randomUUID(), question)).toEqual({ kind: 'lost' });
    expect(await queue.fail(claimed!, 'late failure')).toBe(false);
    const messages = await t.deps.db.query('SELECT id FROM messages WHERE session_id = $1', [
      session.id,
    ]);
    expect(messages).toHaveLength(1);
    const [s] = await t.deps.db.query<{ question_count: number }>(
      'SELECT question_count FROM interview_sessions WHERE id = $1',
      [session.id],
    );
    expect(s!.question_count).toBe(1);
    expect((await opStatus(t, claimed!.id)).status).toBe('completed');
  });

  it('moves status only forwards: pending, processing, then completed', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const queue = createGenerationQueueRepository(t.deps.db);
    const seen = [(await opStatus(t, op.id)).status];
    const [claimed] = await queue.claim('w2', 10, 60_000);
    seen.push((await opStatus(t, op.id)).status);
    await queue.complete(claimed!, crypto.randomUUID(), {
      questionText: 'Q?',
      questionType: 'situational',
      focus: { requirement: null, evidence: null, summary: 's' },
    });
    seen.push((await opStatus(t, op.id)).status);
    // Nothing moves a finished operation again, not even a fresh claim.
    expect(await queue.claim('w3', 10, 60_000)).toEqual([]);
    seen.push((await opStatus(t, op.id)).status);
    expect(seen).toEqual(['pending', 'processing', 'completed', 'completed']);
  });

  it('runs one session’s operations in creation order, each seeing the questions before it', async () => {
    const session = await createSession(t.app, user);
    const ops = [];
    for (let i = 0; i < 3; i++) ops.push((await requestQuestion(t.app, user, session.id)).json());
    const queue = createGenerationQueueRepository(t.deps.db);
    // However many slots a worker has, only the session's oldest is claimable.
    const claimed = await queue.claim('probe', 10, LAPSED);
    expect(claimed.map((c) => c.id)).toEqual([ops[0].id]);

    const before = generator.inputs.length;
    await t.worker.drain();
    const inputs = generator.inputs.slice(before);
    expect(inputs.map((i) => i.transcript.length)).toEqual([0, 1, 2]);
    const messages = await t.deps.db.query<{ operation_id: string }>(
      'SELECT operation_id FROM messages WHERE session_id = $1 ORDER BY seq',
      [session.id],
    );
    expect(messages.map((m) => m.operation_id)).toEqual(ops.map((o) => o.id));
  });

  it('claims different sessions’ operations together', async () => {
    const a = await createSession(t.app, user);
    const b = await createSession(t.app, user);
    const opA = (await requestQuestion(t.app, user, a.id)).json();
    const opB = (await requestQuestion(t.app, user, b.id)).json();
    const queue = createGenerationQueueRepository(t.deps.db);
    const claimed = await queue.claim('probe-2', 10, LAPSED);
    expect(claimed.map((c) => c.id).sort()).toEqual([opA.id, opB.id].sort());
    await t.worker.drain();
  });

  it('hands unfinished work back on shutdown, and another worker finishes it', async () => {
    const session = await createSession(t.app, user);
    generator.then('hang');
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const stopping = await startWorker(t.deps, { autoStart: false, workerId: 'stopping' });
    const running = stopping.drain();
    // Shut down once the job is in flight; the grace period is shorter than the hang.
    await expect.poll(() => stopping.inFlight).toBe(1);
    await stopping.stop(10);
    await running;
    const row = await opStatus(t, op.id);
    expect(row).toMatchObject({ status: 'processing', locked_by: null, attempts: 0 });
    await t.worker.drain();
    expect((await opStatus(t, op.id)).status).toBe('completed');
  });

  it('lets in-flight work finish within the grace period on shutdown', async () => {
    const session = await createSession(t.app, user);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: typeof generator.generate = async (input, opts) => {
      await gate;
      return new FakeGenerator().generate(input, opts);
    };
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const original = generator.generate.bind(generator);
    generator.generate = slow;
    try {
      const w = await startWorker(t.deps, { autoStart: false, workerId: 'graceful' });
      const running = w.drain();
      await expect.poll(() => w.inFlight).toBe(1);
      const stopped = w.stop(5_000);
      release();
      await stopped;
      await running;
    } finally {
      generator.generate = original;
    }
    expect((await opStatus(t, op.id)).status).toBe('completed');
  });
});

// Many generations in flight per worker, bounded per model provider, and a 429 honoured:
// the provider is left alone until its Retry-After, then gets fewer calls at once, and
// every operation still completes exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion, type TestUser } from '../support/factories.js';
import {
  completion,
  failure,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeReply,
} from '../llm/fake-openai-server.js';
import {
  createProviderLimiter,
  parseRetryAfter,
  providerKey,
} from '../../src/platform/provider-limits.js';

const QUESTION: FakeReply = completion(
  JSON.stringify({
    question_text:
      'Tell me about a time you kept a backlog of background jobs draining while the model provider slowed down.',
    question_type: 'experience',
    focus: { requirement: 'queues', evidence: null, summary: 'Queues under pressure.' },
  }),
);
const RATE_LIMITED: FakeReply = {
  ...failure(429, 'slow down'),
  headers: { 'retry-after': '2' },
};

describe('the provider limiter', () => {
  it('parses Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 7_000)).toBe(3_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(providerKey('http://user:pw@h:1/v1/?x=1')).toBe('http://h:1/v1');
  });

  it('runs at most the limit per provider at once, the others in order', async () => {
    const limiter = createProviderLimiter({ maxInFlight: 2 });
    const gates: Array<() => void> = [];
    const started: number[] = [];
    const calls = [0, 1, 2, 3].map((i) =>
      limiter.run('a', undefined, async () => {
        started.push(i);
        await new Promise<void>((r) => gates.push(r));
        return i;
      }),
    );
    const other = limiter.run('b', undefined, async () => 'b');
    await expect(other).resolves.toBe('b');
    await expect.poll(() => started).toEqual([0, 1]);
    expect(limiter.state('a')).toMatchObject({ inFlight: 2, waiting: 2 });
    expect(limiter.headroom('a')).toBe(0);
    gates.shift()!();
    await expect.poll(() => started).toEqual([0, 1, 2]);
    while (gates.length > 0 || started.length < 4) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await expect(Promise.all(calls)).resolves.toEqual([0, 1, 2, 3]);
    expect(limiter.state('a')).toMatchObject({ inFlight: 0, waiting: 0, limit: 2 });
  });

  it('pauses a provider after a 429 and halves its limit once per pause', async () => {
    let now = 1_000;
    const limiter = createProviderLimiter({ maxInFlight: 8, now: () => now });
    limiter.rateLimited('a', 5_000);
    limiter.rateLimited('a', 5_000); // the calls in flight answer 429 together
    expect(limiter.state('a')).toMatchObject({ limit: 4, pausedUntil: 6_000 });
    expect(limiter.headroom('a')).toBe(0);
    expect(limiter.headroom('b')).toBe(8);
    const aborted = new AbortController();
    const waiting = limiter.run('a', aborted.signal, async () => 'ran');
    aborted.abort(new Error('budget over'));
    await expect(waiting).rejects.toThrow('budget over');
    now = 6_001;
    expect(limiter.headroom('a')).toBe(4);
  });
});

describe('a worker against a slow, rate-limiting provider', () => {
  let model: FakeOpenAIServer;
  let t: TestApp;
  let user: TestUser;
  const LIMIT = 4;

  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    t = await buildTestApp({
      generator: 'from-config',
      env: {
        LLM_PROVIDER: 'openai',
        OPENAI_BASE_URL: model.baseUrl,
        OPENAI_API_KEY: 'test-key',
        LLM_TIMEOUT_MS: '20000',
        WORKER_CONCURRENCY: '50',
        LLM_CONCURRENCY_PER_PROVIDER: String(LIMIT),
      },
    });
    user = await createUser(t.app);
  });
  afterAll(async () => {
    await t.close();
    await model.close();
  });
  beforeEach(() => {
    model.clear();
    model.replyByDefault(undefined);
    model.resetMaxInFlight();
    model.requests.splice(0);
  });

  async function enqueue(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const session = await createSession(t.app, user);
      const res = await requestQuestion(t.app, user, session.id);
      expect(res.statusCode).toBe(202);
      ids.push(res.json().id);
    }
    return ids;
  }

  async function outcome(ids: string[]) {
    const rows = await t.deps.db.query<{ status: string; messages: number }>(
      `SELECT o.status, (SELECT count(*)::int FROM messages m WHERE m.operation_id = o.id) AS messages
         FROM operations o WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }

  it('keeps at most the per-provider limit in flight and completes everything once', async () => {
    const ids = await enqueue(12);
    model.replyByDefault({ ...QUESTION, delayMs: 300 });
    await t.worker.drain();
    expect(model.maxInFlight).toBeGreaterThan(1);
    expect(model.maxInFlight).toBeLessThanOrEqual(LIMIT);
    expect(model.requests).toHaveLength(12);
    const rows = await outcome(ids);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'completed' && r.messages === 1)).toBe(true);
  });

  it('waits out Retry-After, then sends fewer calls at once, and loses nothing', async () => {
    const ids = await enqueue(8);
    // The first LIMIT calls are held until all of them are in flight, then refused together
    // with Retry-After: 2; everything after succeeds. Held, no later call can start before a
    // refusal has reached the worker, however the claims are spread in time.
    model.reply(...Array.from({ length: LIMIT }, () => ({ hold: true })));
    const key = providerKey(model.baseUrl);
    // The limit as each later call arrives: read there, not polled, so no pause can be missed.
    const limitAtCall: number[] = [];
    model.replyByDefault(() => {
      // Every call from here on comes after the pause: count only their concurrency.
      if (limitAtCall.length === 0) model.resetMaxInFlight();
      limitAtCall.push(t.deps.providers.limiter.state(key).limit);
      return { ...QUESTION, delayMs: 30 };
    });
    const drained = t.worker.drain();
    const wait = { timeout: 60_000 };
    await expect.poll(() => model.inFlight, wait).toBe(LIMIT);
    expect(model.requests).toHaveLength(LIMIT);
    const refusedAt = Date.now();
    expect(model.answerHeld(RATE_LIMITED)).toBe(LIMIT);
    await drained;
    // Lowered by the 429s: halved at least once (how many of them share one pause depends on
    // when they arrive); it grows back by one per round of answers afterwards.
    expect(limitAtCall[0]).toBeGreaterThanOrEqual(1);
    expect(limitAtCall[0]).toBeLessThanOrEqual(LIMIT / 2);
    // The 4 refused operations were retried (once each), none earlier than Retry-After (2 s).
    expect(model.requests).toHaveLength(8 + LIMIT);
    for (const r of model.requests.slice(LIMIT))
      expect(r.at).toBeGreaterThanOrEqual(refusedAt + 1_990);
    expect(model.maxInFlight).toBeLessThan(LIMIT);
    const rows = await outcome(ids);
    expect(rows.every((r) => r.status === 'completed' && r.messages === 1)).toBe(true);
  });

  it('fails in words, without waiting, when Retry-After is past the time budget', async () => {
    const [id] = await enqueue(1);
    model.replyByDefault({ ...failure(429, 'slow down'), headers: { 'retry-after': '3600' } });
    await t.worker.drain();
    expect(model.requests).toHaveLength(1);
    const [row] = await t.deps.db.query<{ status: string; error_message: string }>(
      'SELECT status, error_message FROM operations WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error_message).toMatch(/limiting requests/);
  });
});

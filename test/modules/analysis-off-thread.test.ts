import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisPool, createQuestionGenerator } from '../../src/llm/index.js';
import { evaluateOffline } from '../../src/llm/feedback/offline-evaluator.js';
import { composeQuestion } from '../../src/llm/offline/offline-generator.js';
import { grammarLoadMs } from '../../src/llm/text/grammar.js';
import { createThreadPool } from '../../src/platform/thread-pool.js';
import { FEEDBACK_CASES, inputFor } from '../fixtures/feedback-answers.js';
import { spinGate } from '../support/spin-gate.js';
import { buildTestApp, type TestApp } from '../support/harness.js';

const ENTRY = new URL('../support/analysis-test-thread.ts', import.meta.url);
const signal = () => new AbortController().signal;

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

describe('text analysis off the event loop', () => {
  it('answers /healthz while an analysis spins on the CPU', async () => {
    const pool = createThreadPool({ entry: ENTRY, size: 1, timeoutMs: 600_000 });
    try {
      const gate = spinGate();
      const order: string[] = [];
      // Spins without yielding until let go (at most a minute): on the event loop it would
      // hold the health check behind it.
      const analysis = pool
        .run('spin', { gate: gate.buffer, maxMs: 60_000 })
        .then(() => order.push('analysis'));
      await gate.started();
      const health = await fetch(`${base}/healthz`);
      order.push('healthz');
      expect(health.status).toBe(200);
      gate.release();
      await analysis;
      expect(order).toEqual(['healthz', 'analysis']);
    } finally {
      await pool.close();
    }
  });

  it('evaluates answers in the service through the pool, as the in-thread evaluator would', async () => {
    const c = FEEDBACK_CASES[0]!;
    const input = inputFor(c, c.answers[0]!.answer);
    await t.deps.evaluator.prepare();
    const pooled = await t.deps.evaluator.evaluate(input, { signal: signal() });
    expect(pooled).toEqual(await evaluateOffline(input));
  });

  it('generates offline questions in a thread: the NLP library never loads on the main one', async () => {
    const c = FEEDBACK_CASES[1]!;
    const input = { jobPosting: c.profile.jobPosting, resume: c.profile.resume, transcript: [] };
    const pool = createAnalysisPool({ threads: 1, timeoutMs: 60_000 });
    try {
      const generator = createQuestionGenerator(t.config.llm, pool);
      const pooled = await generator.generate(input, { signal: signal() });
      expect(grammarLoadMs()).toBeNull();
      expect(pooled).toEqual(composeQuestion(input));
      expect(grammarLoadMs()).not.toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('fails a generation stopped by its budget as the engine’s timeout', async () => {
    const pool = createAnalysisPool({ threads: 1, timeoutMs: 60_000, entry: ENTRY });
    const controller = new AbortController();
    const c = FEEDBACK_CASES[0]!;
    const input = { jobPosting: c.profile.jobPosting, resume: c.profile.resume, transcript: [] };
    try {
      controller.abort(new DOMException('budget', 'TimeoutError'));
      await expect(pool.generate(input, controller.signal)).rejects.toMatchObject({
        name: 'GenerationError',
        kind: 'timeout',
      });
    } finally {
      await pool.close();
    }
  });
});

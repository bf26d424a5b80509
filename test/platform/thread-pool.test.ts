import { afterEach, describe, expect, it } from 'vitest';
import { reviveAnalysisError } from '../../src/llm/analysis-pool.js';
import { GenerationError } from '../../src/llm/generator.js';
import {
  createThreadPool,
  ThreadTimeoutError,
  type ThreadPool,
} from '../../src/platform/thread-pool.js';
import { spinGate } from '../support/spin-gate.js';

const ENTRY = new URL('../support/analysis-test-thread.ts', import.meta.url);
const LONG = 10 * 60_000; // longer than any test: a spin this long only ends by termination

let pool: ThreadPool | undefined;
afterEach(async () => pool?.close());

function newPool(timeoutMs = LONG) {
  pool = createThreadPool({ entry: ENTRY, size: 1, timeoutMs, revive: reviveAnalysisError });
  return pool;
}

describe('thread pool', () => {
  it('terminates a running task on abort, and the next task gets a fresh thread', async () => {
    const threads = newPool();
    const first = spinGate();
    const controller = new AbortController();
    const stuck = threads.run('spin', { gate: first.buffer, maxMs: LONG }, controller.signal);
    await first.started();
    controller.abort(new Error('stop'));
    await expect(stuck).rejects.toThrow('stop');
    // One thread only: this runs only if the spinning one was terminated and replaced.
    const second = spinGate();
    const next = threads.run<unknown, boolean>('spin', { gate: second.buffer, maxMs: LONG });
    await second.started();
    second.release();
    expect(await next).toBe(true);
  });

  it('drops an aborted task that is still waiting, without touching the running one', async () => {
    const threads = newPool();
    const running = spinGate();
    const first = threads.run<unknown, boolean>('spin', { gate: running.buffer, maxMs: LONG });
    await running.started();
    const controller = new AbortController();
    const waiting = threads.run('fail', { kind: 'timeout', message: 'x' }, controller.signal);
    controller.abort(new Error('not needed'));
    await expect(waiting).rejects.toThrow('not needed');
    running.release();
    expect(await first).toBe(true);
  });

  it('stops a task past the hard timeout and keeps serving', async () => {
    const threads = newPool(300);
    const stuck = spinGate();
    await expect(threads.run('spin', { gate: stuck.buffer, maxMs: LONG })).rejects.toBeInstanceOf(
      ThreadTimeoutError,
    );
    await expect(
      threads.run('fail', { kind: 'invalid_output', message: 'still here' }),
    ).rejects.toThrow('still here');
  });

  it('brings an error thrown in the thread back as the same kind, with the same words', async () => {
    const threads = newPool();
    const error = await threads
      .run('fail', { kind: 'rate_limited', message: 'Slow down, please.' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationError);
    expect(error).toMatchObject({ kind: 'rate_limited', message: 'Slow down, please.' });
    expect((error as GenerationError).transient).toBe(true);
  });

  it('refuses an unknown task by name', async () => {
    await expect(newPool().run('nope', {})).rejects.toThrow('No task named nope');
  });
});

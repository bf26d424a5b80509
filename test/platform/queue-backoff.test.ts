import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startQueueWorker, type QueueSource } from '../../src/platform/queue.js';

// The worker loop while claiming fails (the database is away): it stops claiming, backs
// off exponentially up to a cap, says so once, and resumes by itself.
describe('the queue worker during a database outage', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const state = { down: true, claims: 0, wake: () => {} };
    const source: QueueSource<string> = {
      async claim() {
        state.claims += 1;
        if (state.down)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return [];
      },
      run: async () => undefined,
      subscribe: async (onWork) => {
        state.wake = onWork;
        return async () => undefined;
      },
    };
    return { lines, log, state, source };
  }

  it('backs off exponentially to 5 s, warns once, and claims again once the database is back', async () => {
    const { lines, log, state, source } = setUp();
    const worker = await startQueueWorker(source, {
      concurrency: 2,
      pollIntervalMs: 3_600_000,
      log,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(state.claims).toBe(1);

    // Wake-ups during the pause do not hammer the database.
    state.wake();
    state.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.claims).toBe(1);

    const gaps = [250, 500, 1_000, 2_000, 4_000, 5_000, 5_000];
    for (const [i, gap] of gaps.entries()) {
      await vi.advanceTimersByTimeAsync(gap - 1);
      expect(state.claims).toBe(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(state.claims).toBe(i + 2);
    }
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual([
      'claiming work failed; pausing claims and retrying with back-off',
    ]);

    state.down = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lines.at(-1)?.msg).toBe('claiming work again');
    const before = state.claims;
    state.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.claims).toBe(before + 1); // no pause any more: a wake-up claims at once
    await worker.stop(0);
  });
});

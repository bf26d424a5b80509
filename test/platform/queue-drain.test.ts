import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startQueueWorker, type QueueSource } from '../../src/platform/queue.js';

// drain() runs everything claimable. With PostgreSQL a claim can read before the job in
// flight ends (its session's next operation is not claimable yet) and answer after it:
// that empty answer must not end the drain while the next operation waits.
describe('draining the queue worker', () => {
  it('claims again when a job ended during a claim that found nothing', async () => {
    const queue = ['first', 'second', 'third'];
    const ran: string[] = [];
    let firstDone!: () => void;
    const firstEnded = new Promise<void>((r) => (firstDone = r));
    let claims = 0;
    let inFlight = false;
    const source: QueueSource<string> = {
      async claim() {
        claims += 1;
        // The second claim read while `first` ran (nothing claimable) and answers after it ended.
        if (claims === 2) {
          await firstEnded;
          return [];
        }
        // One session: its next operation is claimable once the one before it has run.
        const next = queue[ran.length];
        if (inFlight || !next) return [];
        inFlight = true;
        return [next];
      },
      async run(job) {
        ran.push(job);
        inFlight = false;
        if (job === 'first') firstDone();
      },
      subscribe: async () => async () => undefined,
    };
    const worker = await startQueueWorker(source, {
      concurrency: 4,
      pollIntervalMs: 3_600_000,
      log: pino({ level: 'silent' }),
      autoStart: false,
    });
    expect(await worker.drain()).toBe(3);
    expect(ran).toEqual(queue);
    await worker.stop(0);
  });
});

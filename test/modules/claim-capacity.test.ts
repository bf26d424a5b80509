// How much a worker claims: the server provider's room, nothing while a 429 pauses it,
// and nothing while the heap is nearly full, resuming once memory is freed.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  claimCapacity,
  HEAP_CLAIM_LIMIT,
  heapInUse,
} from '../../src/modules/operations/claim-capacity.js';
import { createProviderLimiter } from '../../src/platform/provider-limits.js';
import { startQueueWorker, type QueueSource } from '../../src/platform/queue.js';

describe('claim capacity', () => {
  it('is the offline bound less what runs, and nothing once the heap passes its limit', () => {
    const limiter = createProviderLimiter({ maxInFlight: 64 });
    let heap = 0.2;
    const capacity = claimCapacity({ limiter, serverKey: 'offline', fixedLimit: 8 }, () => heap);
    expect(capacity(0)).toBe(8);
    expect(capacity(3)).toBe(5);
    heap = HEAP_CLAIM_LIMIT + 0.01;
    expect(capacity(0)).toBe(0);
    heap = HEAP_CLAIM_LIMIT;
    expect(capacity(0)).toBe(8);
  });

  it("follows the server provider's limit and stops while a 429 pauses it", () => {
    const limiter = createProviderLimiter({ maxInFlight: 4, defaultPauseMs: 60_000 });
    const capacity = claimCapacity({ limiter, serverKey: 'server' }, () => 0);
    expect(capacity(1)).toBe(3);
    limiter.rateLimited('server', undefined);
    expect(capacity(0)).toBe(0);
  });

  it("does not count jobs waiting on a user's own provider against the server's", async () => {
    const limiter = createProviderLimiter({ maxInFlight: 4 });
    const capacity = claimCapacity({ limiter, serverKey: 'server' }, () => 0);
    let release!: () => void;
    const onUsers = limiter.run('user', undefined, () => new Promise<void>((r) => (release = r)));
    // Two jobs run: one on the user's provider, so one on the server's.
    await expect.poll(() => limiter.busyElsewhere('server')).toBe(1);
    expect(capacity(2)).toBe(3);
    release();
    await onUsers;
  });

  it('reads the heap in use as a share of its limit', () => {
    const share = heapInUse();
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
  });

  it('keeps a worker from claiming while the heap is full, and claims once it is freed', async () => {
    let heap = 0.9;
    const claims: number[] = [];
    let wake = () => {};
    const source: QueueSource<string> = {
      async claim(n) {
        claims.push(n);
        return [];
      },
      run: async () => undefined,
      subscribe: async (onWork) => {
        wake = onWork;
        return async () => undefined;
      },
    };
    const limiter = createProviderLimiter({ maxInFlight: 64 });
    const worker = await startQueueWorker(source, {
      concurrency: 16,
      capacity: claimCapacity({ limiter, serverKey: 'offline', fixedLimit: 8 }, () => heap),
      pollIntervalMs: 3_600_000,
      log: pino({ level: 'silent' }),
    });
    wake();
    await worker.drain();
    expect(claims).toEqual([]);
    heap = 0.3;
    await worker.drain();
    expect(claims).toEqual([8]);
    await worker.stop(0);
  });
});

// How much a worker claims: the server provider's room, nothing while a 429 pauses it,
// and nothing while the heap is nearly full, resuming once memory is freed.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  BUSY_CLAIM_INTERVAL_MS,
  claimCapacity,
  HEAP_CLAIM_LIMIT,
  heapInUse,
} from '../../src/modules/operations/claim-capacity.js';
import { createBusyMeter, eventLoopSaturation } from '../../src/platform/busy-meter.js';
import { createProviderLimiter } from '../../src/platform/provider-limits.js';
import { startQueueWorker, type QueueSource } from '../../src/platform/queue.js';
import { buildTestApp } from '../support/harness.js';

describe('claim capacity', () => {
  it('is the offline bound less what runs, and nothing once the heap passes its limit', () => {
    const limiter = createProviderLimiter({ maxInFlight: 64 });
    let heap = 0.2;
    const capacity = claimCapacity(
      { limiter, serverKey: 'offline', fixedLimit: 8 },
      { heapShare: () => heap },
    );
    expect(capacity(0)).toBe(8);
    expect(capacity(3)).toBe(5);
    heap = HEAP_CLAIM_LIMIT + 0.01;
    expect(capacity(0)).toBe(0);
    heap = HEAP_CLAIM_LIMIT;
    expect(capacity(0)).toBe(8);
  });

  it("follows the server provider's limit and stops while a 429 pauses it", () => {
    const limiter = createProviderLimiter({ maxInFlight: 4, defaultPauseMs: 60_000 });
    const capacity = claimCapacity({ limiter, serverKey: 'server' }, { heapShare: () => 0 });
    expect(capacity(1)).toBe(3);
    limiter.rateLimited('server', undefined);
    expect(capacity(0)).toBe(0);
  });

  it("does not count jobs waiting on a user's own provider against the server's", async () => {
    const limiter = createProviderLimiter({ maxInFlight: 4 });
    const capacity = claimCapacity({ limiter, serverKey: 'server' }, { heapShare: () => 0 });
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
      capacity: claimCapacity(
        { limiter, serverKey: 'offline', fixedLimit: 8 },
        { heapShare: () => heap },
      ),
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

  it('claims one operation per interval while it yields to requests, and all it may after', () => {
    const limiter = createProviderLimiter({ maxInFlight: 64 });
    let at = 1_000;
    let yieldNow = true;
    const capacity = claimCapacity(
      { limiter, serverKey: 'offline', fixedLimit: 8 },
      { heapShare: () => 0, yieldNow: () => yieldNow, now: () => at },
    );
    expect(capacity(0)).toBe(1);
    expect(capacity(1)).toBe(0);
    at += BUSY_CLAIM_INTERVAL_MS - 1;
    expect(capacity(1)).toBe(0);
    at += 1;
    expect(capacity(1)).toBe(1);
    // A full process claims nothing, yielding or not, and its turn is not used up.
    at += BUSY_CLAIM_INTERVAL_MS;
    expect(capacity(8)).toBe(0);
    expect(capacity(2)).toBe(1);
    yieldNow = false;
    expect(capacity(2)).toBe(6);
  });
});

describe('the busy meter', () => {
  it('is busy with the given number of events within its window, and says when that ends', () => {
    const meter = createBusyMeter(3, 100);
    meter.note(0);
    meter.note(10);
    expect(meter.busy(20)).toBe(false); // two events only
    meter.note(20);
    expect(meter.busy(20)).toBe(true);
    expect(meter.busy(99)).toBe(true);
    expect(meter.quietAt()).toBe(100);
    expect(meter.busy(100)).toBe(false);
    meter.note(150); // the oldest of the last three is now 10
    expect(meter.busy(150)).toBe(false);
    meter.note(160);
    meter.note(170);
    expect(meter.busy(170)).toBe(true);
    expect(meter.quietAt()).toBe(250);
  });

  it('tells a saturated event loop from an idle one', async () => {
    let at = 0;
    const saturated = eventLoopSaturation(0.8, 50, () => at);
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    spin(120);
    at = 120;
    expect(saturated()).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    at = 270;
    expect(saturated()).toBe(false);
    at = 280; // within the sample: the last answer stands
    expect(saturated()).toBe(false);
  });
});

describe("the API's request meter", () => {
  it('counts every request, the ones turned away too', async () => {
    const t = await buildTestApp();
    try {
      // Asked at the end of the window of the requests noted, so the machine's speed does not matter.
      const busyOverTheirWindow = () => t.deps.requests.busy(t.deps.requests.quietAt() - 1);
      expect(busyOverTheirWindow()).toBe(false);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.app.inject({ method: 'GET', url: i % 2 ? '/healthz' : '/api/v1/users/me' }),
        ),
      );
      expect(busyOverTheirWindow()).toBe(true);
    } finally {
      await t.close();
    }
  });
});

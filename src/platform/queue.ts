import type { Logger } from './logger.js';

export interface QueueSource<Job> {
  /** Claims up to n jobs for this worker, atomically (FOR UPDATE SKIP LOCKED). */
  claim(n: number): Promise<Job[]>;
  /** Runs one claimed job to its end; `signal` fires when shutdown's grace period is over. */
  run(job: Job, signal: AbortSignal): Promise<void>;
  /** Subscribes to "new work may be there"; returns the unsubscribe function. */
  subscribe(onWork: () => void): Promise<() => Promise<void>>;
}

export interface QueueWorker {
  /** Claims and runs until nothing is claimable; returns how many jobs ran. For tests and tools. */
  drain(): Promise<number>;
  /** Stops claiming, waits up to graceMs for jobs in flight, then aborts what is left. */
  stop(graceMs: number): Promise<void>;
  readonly inFlight: number;
}

export interface QueueWorkerOptions {
  concurrency: number;
  /**
   * How many more jobs may be claimed now, given how many run (a provider's limit, its
   * 429 pause, memory); at most `concurrency` run whatever it says. Unlimited when absent.
   */
  capacity?: (running: number) => number;
  /** Fallback poll: picks up expired leases and anything a lost notification missed. */
  pollIntervalMs: number;
  log: Logger;
  /** false: nothing runs until drain() is called (tests drive the worker by hand). */
  autoStart?: boolean;
}

// While claiming fails (the database is away), wait this long and double it, up to the cap.
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

export async function startQueueWorker<Job>(
  source: QueueSource<Job>,
  { concurrency, capacity, pollIntervalMs, log, autoStart = true }: QueueWorkerOptions,
): Promise<QueueWorker> {
  const shutdown = new AbortController();
  const running = new Set<Promise<void>>();
  let stopping = false;
  let pumping: Promise<void> | undefined;
  let again = false;
  let ran = 0;
  // Back-off while claims fail: 0 when healthy. One warning per outage, not one per tick.
  let backoffMs = 0;
  let pausedUntil = 0;
  let outageSince = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const claimFailed = (err: unknown) => {
    if (backoffMs === 0) {
      outageSince = Date.now();
      log.warn({ err }, 'claiming work failed; pausing claims and retrying with back-off');
    } else {
      log.debug({ err: (err as Error)?.message, backoffMs }, 'claiming work still failing');
    }
    backoffMs = backoffMs === 0 ? FIRST_BACKOFF_MS : Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    pausedUntil = Date.now() + backoffMs;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      pausedUntil = 0;
      void wake();
    }, backoffMs);
    retryTimer.unref();
  };
  const claimSucceeded = () => {
    if (backoffMs === 0) return;
    log.info({ paused_ms: Date.now() - outageSince }, 'claiming work again');
    backoffMs = 0;
  };

  const launch = (job: Job) => {
    const p = source
      .run(job, shutdown.signal)
      .catch((err: unknown) => log.error({ err }, 'job runner failed'))
      .finally(() => {
        running.delete(p);
        ran++;
        if (autoStart) wake();
      });
    running.add(p);
  };

  async function pump(): Promise<void> {
    do {
      again = false;
      while (!stopping && running.size < concurrency) {
        const n = Math.min(concurrency - running.size, capacity?.(running.size) ?? Infinity);
        if (n <= 0) break;
        let jobs: Job[];
        try {
          jobs = await source.claim(n);
        } catch (err) {
          if (!stopping) claimFailed(err);
          return;
        }
        claimSucceeded();
        if (jobs.length === 0) break;
        jobs.forEach(launch);
      }
    } while (again && !stopping);
  }

  // One pump at a time; a wake during a pump makes it go round once more.
  function wake(): Promise<void> {
    if (Date.now() < pausedUntil) return pumping ?? Promise.resolve(); // the retry timer wakes us
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = pump().finally(() => (pumping = undefined));
    return pumping;
  }

  const unsubscribe = autoStart ? await source.subscribe(() => void wake()) : async () => {};
  const timer = autoStart ? setInterval(() => void wake(), pollIntervalMs) : undefined;
  timer?.unref();
  if (autoStart) void wake();

  return {
    get inFlight() {
      return running.size;
    },
    async drain() {
      const before = ran;
      for (;;) {
        const finished = ran;
        await wake();
        if (running.size === 0) {
          // A claim that read before a job ended may have found nothing it would find now
          // (the next operation of that session): done only once a whole round found nothing.
          if (ran === finished) break;
          continue;
        }
        await Promise.race(running);
      }
      return ran - before;
    },
    async stop(graceMs) {
      stopping = true;
      if (timer) clearInterval(timer);
      clearTimeout(retryTimer);
      await unsubscribe().catch(() => undefined);
      await pumping;
      const all = Promise.allSettled([...running]);
      const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
      if ((await Promise.race([all, grace])) === 'timeout') {
        log.warn({ inFlight: running.size }, 'grace period over; handing unfinished work back');
        shutdown.abort(new Error('shutdown'));
        await all;
      }
    },
  };
}

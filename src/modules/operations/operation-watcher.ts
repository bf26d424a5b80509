import type { WakeChannel } from '../../platform/wake-channel.js';

export interface OperationWatcher {
  /** Resolves when the operation is reported finished, after ms, or when signal fires; whichever is first. */
  wait(operationId: string, ms: number, signal?: AbortSignal): Promise<void>;
  /** Wakes every waiter and makes later waits return at once: the process is shutting down. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

/**
 * One subscription for the whole process; long-polling requests wait on it
 * instead of polling the database. Workers in any process publish completions.
 */
export async function createOperationWatcher(finished: WakeChannel): Promise<OperationWatcher> {
  const waiters = new Map<string, Set<() => void>>();
  let stopped = false;
  const unlisten = await finished.subscribe((payload) => {
    // '' follows a reconnect: anything may have finished meanwhile, so everyone re-checks.
    const sets = payload ? [waiters.get(payload)] : [...waiters.values()];
    for (const set of sets) set?.forEach((wake) => wake());
  });

  return {
    wait(operationId, ms, signal) {
      return new Promise<void>((resolve) => {
        const set = waiters.get(operationId) ?? new Set<() => void>();
        waiters.set(operationId, set);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          set.delete(done);
          if (set.size === 0) waiters.delete(operationId);
          resolve();
        };
        const timer = setTimeout(done, ms);
        set.add(done);
        signal?.addEventListener('abort', done, { once: true });
        if (signal?.aborted || stopped) done();
      });
    },
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      for (const set of [...waiters.values()]) set.forEach((wake) => wake());
      await unlisten();
    },
  };
}

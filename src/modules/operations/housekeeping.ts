import type { Logger } from '../../platform/logger.js';
import type { OperationsRepository } from './operations.repository.js';

export interface HousekeepingOptions {
  repository: Pick<OperationsRepository, 'expireIdempotencyKeys' | 'deleteStaleQuota'>;
  log: Logger;
  /** How often a round runs (with up to 20% jitter, so processes spread out). */
  intervalMs: number;
  /** Rows per statement: each is a short transaction, never a long lock. */
  batch?: number;
  /** Statements per kind and round, so a round is bounded whatever the backlog. */
  maxBatches?: number;
}

export interface Housekeeping {
  /** One round now: frees old idempotency keys, deletes old rate-limit counters. */
  runOnce(): Promise<{ keys: number; quotas: number }>;
  stop(): Promise<void>;
}

/**
 * The service cleans up after itself: idempotency keys live 24 hours and a rate-limit
 * counter one minute, so a periodic, bounded, batched round frees what is older. Safe in
 * any number of processes at once (rows being cleaned elsewhere are skipped).
 */
export function startHousekeeping(o: HousekeepingOptions): Housekeeping {
  const batch = o.batch ?? 1_000;
  const maxBatches = o.maxBatches ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  async function drain(step: (n: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches && !stopped; i++) {
      const n = await step(batch);
      total += n;
      if (n < batch) break;
    }
    return total;
  }

  async function runOnce() {
    const keys = await drain((n) => o.repository.expireIdempotencyKeys(n));
    const quotas = await drain((n) => o.repository.deleteStaleQuota(n));
    if (keys + quotas > 0) o.log.info({ keys, quotas }, 'housekeeping: old rows cleaned up');
    return { keys, quotas };
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = runOnce()
          .catch((err: unknown) => o.log.warn({ err }, 'housekeeping failed; will retry'))
          .finally(schedule);
      },
      o.intervalMs * (0.8 + Math.random() * 0.4),
    );
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

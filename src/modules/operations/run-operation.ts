// What every operation's run shares, whatever its type: the claim limit, the child logger,
// the pickup metric, holding the lease, handing work back at shutdown, and failing in
// words a person can act on.

import { GenerationError } from '../../llm/generator.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import type { ClaimedOperation, GenerationQueueRepository } from './generation-queue.repository.js';
import type { LeaseRenewer } from './lease-renewer.js';

/**
 * Claims per operation before it is given up: work that kills its worker must not loop
 * forever. Claims handed back at shutdown are not counted, and a live worker renews its
 * lease, so every claim after the first means a holder died or stalled.
 */
export const MAX_CLAIMS = 3;

export interface TaskDeps {
  queue: GenerationQueueRepository;
  metrics: Metrics;
  log: Logger;
  budgetMs: number;
  /** Renews the leases of the claims in flight while their work runs. */
  leases: LeaseRenewer;
  /** Told about every operation this worker finishes, so long-polls answer at once. */
  finished: WakeChannel;
}

export interface TaskWording {
  /** The work's name in log lines: "question generation failed". */
  name: string;
  interrupted: string;
  internal: string;
}

/**
 * What the work reports: it stored its result, it found its claim gone (another holder
 * finished or took it), or the operation is to fail with these words.
 */
export type WorkOutcome = 'completed' | 'not_held' | { fail: string };

/** Runs `work`, which stores its outcome, and ends the operation by what it reports. */
export async function runOperation(
  op: ClaimedOperation,
  shutdown: AbortSignal,
  deps: TaskDeps,
  wording: TaskWording,
  work: (log: Logger) => Promise<WorkOutcome>,
): Promise<void> {
  const { queue, metrics } = deps;
  const log = deps.log.child({
    operation_id: op.id,
    session_id: op.session_id,
    attempt: op.attempts,
    operation_type: op.operation_type,
  });
  if (op.attempts === 1) metrics.pickupLatency.observe(op.pickup_ms / 1000);
  const failed = async (message: string) => {
    if (await queue.fail(op, message)) {
      metrics.operationsFailed.inc();
      deps.finished.publish(op.id);
    }
  };
  if (op.attempts > MAX_CLAIMS) {
    log.error('operation interrupted too many times; giving up');
    return failed(wording.interrupted);
  }
  const releaseLease = deps.leases.hold(op, log);
  try {
    const outcome = await work(log);
    if (outcome === 'completed') {
      metrics.operationsCompleted.inc();
      deps.finished.publish(op.id);
    } else if (outcome === 'not_held') {
      log.warn('operation was no longer held by this worker; result dropped');
    } else {
      await failed(outcome.fail);
    }
  } catch (err) {
    if (shutdown.aborted && !(err instanceof GenerationError && err.kind === 'timeout')) {
      await queue.release(op);
      log.info('shutting down; operation handed back');
      return;
    }
    if (err instanceof GenerationError) log.warn({ kind: err.kind }, `${wording.name} failed`);
    else log.error({ err }, `${wording.name} failed unexpectedly`);
    await failed(err instanceof GenerationError ? err.message : wording.internal);
  } finally {
    releaseLease();
  }
}

// What every feedback and report run shares with a question's: the claim limit, the child
// logger, handing work back at shutdown, and failing in words a person can act on.

import { GenerationError } from '../../llm/feedback/shared.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import type {
  ClaimedOperation,
  GenerationQueueRepository,
} from '../operations/generation-queue.repository.js';
import type { LeaseRenewer } from '../operations/lease-renewer.js';
import { MAX_CLAIMS } from '../operations/question-generation.task.js';

export interface TaskDeps {
  queue: GenerationQueueRepository;
  metrics: Metrics;
  log: Logger;
  workerId: string;
  budgetMs: number;
  /** A claim's lease. */
  leaseMs: number;
  /** Renews the leases of the claims in flight while their work runs. */
  leases: LeaseRenewer;
  finished: WakeChannel;
}

export interface TaskWording {
  interrupted: string;
  internal: string;
}

/** Runs `work`, which stores its outcome and says whether it completed the operation. */
export async function runOperation(
  op: ClaimedOperation,
  shutdown: AbortSignal,
  deps: TaskDeps,
  wording: TaskWording,
  work: (log: Logger) => Promise<boolean>,
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
    if (await work(log)) {
      metrics.operationsCompleted.inc();
      deps.finished.publish(op.id);
    } else {
      log.warn('operation was no longer held by this worker; result dropped');
    }
  } catch (err) {
    if (shutdown.aborted && !(err instanceof GenerationError && err.kind === 'timeout')) {
      await queue.release(op);
      log.info('shutting down; operation handed back');
      return;
    }
    if (err instanceof GenerationError) log.warn({ kind: err.kind }, 'operation failed');
    else log.error({ err }, 'operation failed unexpectedly');
    await failed(err instanceof GenerationError ? err.message : wording.internal);
  } finally {
    releaseLease();
  }
}

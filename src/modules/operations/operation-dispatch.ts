import type { OperationType } from '../../platform/db/schema.js';
import type { QueueSource } from '../../platform/queue.js';
import type { ClaimedOperation } from './generation-queue.repository.js';

export type OperationTask = (op: ClaimedOperation, shutdown: AbortSignal) => Promise<void>;

/** One queue, one claim (any type, a session's operations in order), one task per type. */
export function dispatchByType(
  queue: Pick<QueueSource<ClaimedOperation>, 'claim' | 'subscribe'>,
  tasks: Record<OperationType, OperationTask>,
): QueueSource<ClaimedOperation> {
  return {
    claim: queue.claim,
    subscribe: queue.subscribe,
    run: (op, shutdown) => tasks[op.operation_type](op, shutdown),
  };
}

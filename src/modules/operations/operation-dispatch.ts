import type { OperationType } from '../../platform/db/schema.js';
import type { QueueSource } from '../../platform/queue.js';
import type { ClaimedOperation } from './generation-queue.repository.js';

export type OperationTask = (op: ClaimedOperation, shutdown: AbortSignal) => Promise<void>;

/**
 * One queue, one claim (any type, a session's operations in order), one task per type.
 * The question source keeps its own run; the others are plain task functions.
 */
export function dispatchByType(
  questions: QueueSource<ClaimedOperation>,
  tasks: Record<Exclude<OperationType, 'question_generation'>, OperationTask>,
): QueueSource<ClaimedOperation> {
  return {
    claim: (n) => questions.claim(n),
    subscribe: (onWork) => questions.subscribe(onWork),
    run: (op, shutdown) =>
      op.operation_type === 'question_generation'
        ? questions.run(op, shutdown)
        : tasks[op.operation_type](op, shutdown),
  };
}

import { api } from './api.js';
import type { Operation, OperationStatus } from './types.js';

// Each long-poll waits up to this long before answering with the status so far: short at
// first, so "waiting" turning into "working" shows up promptly.
const WAIT_SCHEDULE_SECONDS = [2, 5, 10];

export const isTerminal = (op: Operation): boolean =>
  op.status === 'completed' || op.status === 'failed';

/**
 * Follows one operation by long-polling until it ends (or `signal` aborts, which rejects),
 * reporting each status on the way. Resolves with the finished operation.
 */
export async function followOperation(
  opId: string,
  signal: AbortSignal,
  onStatus: (status: OperationStatus) => void = () => undefined,
): Promise<Operation> {
  for (let poll = 0; ; poll += 1) {
    const wait = WAIT_SCHEDULE_SECONDS[Math.min(poll, WAIT_SCHEDULE_SECONDS.length - 1)]!;
    const op = await api.waitForOperation(opId, wait, signal);
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    onStatus(op.status);
    if (isTerminal(op)) return op;
  }
}

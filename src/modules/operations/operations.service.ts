import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Metrics } from '../../platform/metrics.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import { notActive } from '../sessions/sessions.service.js';
import type { OperationWatcher } from './operation-watcher.js';
import type { OperationRow, OperationsRepository } from './operations.repository.js';

export const MAX_WAIT_SECONDS = 30;
// Held long-polls per user and process: beyond this a wait answers at once, as without it,
// so one token cannot hoard connections and re-reads.
export const MAX_HELD_WAITS_PER_USER = 10;

const isTerminal = (op: OperationRow) => op.status === 'completed' || op.status === 'failed';

interface OperationsDeps {
  operations: OperationsRepository;
  sessions: SessionsService;
  watcher: OperationWatcher;
  metrics: Metrics;
  /** Wakes the workers once the new operation has committed. */
  ready: WakeChannel;
  rateLimit: number;
  /** A long-poll re-reads the row this often even without a wake-up, in case one was lost. */
  recheckMs: number;
}

export function createOperationsService({
  operations,
  sessions,
  watcher,
  metrics,
  ready,
  rateLimit,
  recheckMs,
}: OperationsDeps) {
  const held = new Map<string, number>();

  async function get(id: string, userId: string): Promise<OperationRow> {
    const op = await operations.findById(id, userId);
    if (!op) throw notFound('OPERATION_NOT_FOUND', 'Operation');
    return op;
  }

  async function enqueue(
    sessionId: string,
    userId: string,
    key: string | null,
  ): Promise<OperationRow> {
    const outcome = await operations.enqueue(sessionId, userId, rateLimit, key);
    switch (outcome.kind) {
      case 'created':
        metrics.operationsCreated.inc();
        ready.publish('');
        return outcome.operation;
      case 'session_missing':
        throw notFound('SESSION_NOT_FOUND', 'Interview session');
      case 'session_not_active':
        throw notActive(outcome.status);
      case 'rate_limited':
        throw new AppError(
          'RATE_LIMITED',
          `You can ask for ${rateLimit} questions a minute. Try again in ${outcome.retryAfterSeconds} s.`,
          { retryAfterSeconds: outcome.retryAfterSeconds },
        );
    }
  }

  async function hold(
    id: string,
    userId: string,
    waitSeconds: number,
    signal?: AbortSignal,
  ): Promise<OperationRow> {
    const deadline = Date.now() + Math.min(waitSeconds, MAX_WAIT_SECONDS) * 1000;
    for (;;) {
      const left = deadline - Date.now();
      // Listen before reading, so a completion between the read and the wait is not missed.
      const cancel = new AbortController();
      const stop = signal ? AbortSignal.any([cancel.signal, signal]) : cancel.signal;
      const woken = left > 0 ? watcher.wait(id, Math.min(left, recheckMs), stop) : undefined;
      const op = await get(id, userId).catch((err: unknown) => {
        cancel.abort();
        throw err;
      });
      if (!woken || isTerminal(op) || signal?.aborted || watcher.stopped) {
        cancel.abort();
        return op;
      }
      await woken;
    }
  }

  /** A repeated key returns its operation; the same key for another session is a client error. */
  async function replay(
    sessionId: string,
    userId: string,
    key: string,
  ): Promise<OperationRow | null> {
    const existing = await operations.findByIdempotencyKey(userId, key);
    if (!existing) return null;
    if (existing.session_id !== sessionId) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request. Use a new key.',
      );
    }
    return existing;
  }

  return {
    /** Creates the operation and enqueues its work in one statement; never waits for generation. */
    async requestQuestion(
      sessionId: string,
      userId: string,
      idempotencyKey?: string,
    ): Promise<OperationRow> {
      if (!idempotencyKey) return enqueue(sessionId, userId, null);
      const replayed = await replay(sessionId, userId, idempotencyKey);
      if (replayed) return replayed;
      await operations.expireIdempotencyKey(userId, idempotencyKey);
      try {
        return await enqueue(sessionId, userId, idempotencyKey);
      } catch (err) {
        // A concurrent request with the same key won the unique index: answer with its operation.
        const winner = isUniqueViolation(err)
          ? await replay(sessionId, userId, idempotencyKey)
          : null;
        if (winner) return winner;
        throw err;
      }
    },

    get,

    /** Long-poll: answers as soon as the operation is terminal, or when waitSeconds have passed. */
    async waitFor(
      id: string,
      userId: string,
      waitSeconds: number,
      signal?: AbortSignal,
    ): Promise<OperationRow> {
      const holding = held.get(userId) ?? 0;
      if (holding >= MAX_HELD_WAITS_PER_USER) return get(id, userId);
      held.set(userId, holding + 1);
      try {
        return await hold(id, userId, waitSeconds, signal);
      } finally {
        const left = (held.get(userId) ?? 1) - 1;
        if (left > 0) held.set(userId, left);
        else held.delete(userId);
      }
    },

    /** Long-polls this user holds in this process now. */
    heldWaits: (userId: string): number => held.get(userId) ?? 0,

    async listForSession(sessionId: string, userId: string): Promise<OperationRow[]> {
      await sessions.get(sessionId, userId);
      return operations.listBySession(sessionId, userId);
    },

    isTerminal,
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;

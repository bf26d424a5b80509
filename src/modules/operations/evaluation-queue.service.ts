import { AppError, notFound } from '../../platform/errors.js';
import type { Metrics } from '../../platform/metrics.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import type {
  EvaluationQueueRepository,
  EvaluationRequestOutcome,
} from './evaluation-queue.repository.js';
import type { OperationRow } from './operations.repository.js';
import type { Queryable } from '../../platform/db/client.js';

interface EvaluationQueueDeps {
  repository: EvaluationQueueRepository;
  metrics: Metrics;
  ready: WakeChannel;
  rateLimit: number;
}

/**
 * Feedback and report operations on the one queue. The sessions service creates the
 * automatic ones inside its own transactions and wakes the workers after the commit;
 * explicit requests count against the generation rate limit.
 */
export function createEvaluationQueue({
  repository,
  metrics,
  ready,
  rateLimit,
}: EvaluationQueueDeps) {
  function created(
    outcome: EvaluationRequestOutcome,
    missing: AppError,
    nothing: AppError,
  ): OperationRow {
    switch (outcome.kind) {
      case 'created':
        metrics.operationsCreated.inc();
        ready.publish('');
        return outcome.operation;
      case 'session_missing':
        throw missing;
      case 'target_missing':
        throw nothing;
      case 'rate_limited':
        throw new AppError(
          'RATE_LIMITED',
          `You can start ${rateLimit} generations or evaluations a minute. Try again in ${outcome.retryAfterSeconds} s.`,
          { retryAfterSeconds: outcome.retryAfterSeconds },
        );
    }
  }

  return {
    /** A new evaluation of one answer; any miss (session or message) is MESSAGE_NOT_FOUND. */
    async requestFeedback(sessionId: string, userId: string, messageId: string) {
      const missing = notFound('MESSAGE_NOT_FOUND', 'Answer');
      const outcome = await repository.requestFeedback(sessionId, userId, messageId, rateLimit);
      return created(outcome, missing, missing);
    },

    async requestReport(sessionId: string, userId: string) {
      const outcome = await repository.requestReport(sessionId, userId, rateLimit);
      return created(
        outcome,
        notFound('SESSION_NOT_FOUND', 'Interview session'),
        new AppError(
          'NOTHING_TO_REPORT',
          'This interview has no answer yet, so there is nothing to report.',
        ),
      );
    },

    async feedbackWithin(tx: Queryable, userId: string, sessionId: string, answerId: string) {
      return repository.insertFeedback(tx, userId, sessionId, answerId);
    },

    async reportWithin(tx: Queryable, userId: string, sessionId: string) {
      return repository.insertReportIfAnswered(tx, userId, sessionId);
    },

    /** After the transaction that created operations has committed. */
    created(count: number) {
      if (count === 0) return;
      metrics.operationsCreated.inc(count);
      ready.publish('');
    },
  };
}

export type EvaluationQueue = ReturnType<typeof createEvaluationQueue>;

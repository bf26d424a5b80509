import { randomUUID } from 'node:crypto';
import type { AnswerEvaluator } from '../../llm/feedback/index.js';
import { GenerationError } from '../../llm/feedback/shared.js';
import type { ClaimedOperation } from '../operations/generation-queue.repository.js';
import { callWithRetries, type RetryWording } from '../operations/generate-with-retries.js';
import type { EvaluationStore } from './evaluation-store.repository.js';
import { runOperation, type TaskDeps } from '../operations/run-operation.js';

const WORDING = {
  name: 'answer evaluation',
  interrupted: 'The evaluation of this answer was interrupted repeatedly. Please try again.',
  internal: 'The answer could not be evaluated because of an internal error. Please try again.',
};

const RETRY_WORDING: RetryWording = {
  timeout: (s) =>
    `Evaluating the answer took longer than ${s} s and was stopped. Please try again.`,
  aborted: 'The service was shutting down; the answer was not evaluated. Please try again.',
};

/** The answer_feedback task: evaluate one answer, store the feedback, complete the operation. */
export function createAnswerFeedbackTask(
  deps: TaskDeps & {
    store: EvaluationStore;
    evaluator: AnswerEvaluator;
    /** The evaluator of one user's answers: their own provider's, or the server's. */
    evaluatorFor?: (userId: string) => Promise<{ evaluator: AnswerEvaluator }>;
  },
) {
  return (op: ClaimedOperation, shutdown: AbortSignal): Promise<void> =>
    runOperation(op, shutdown, deps, WORDING, async (log) => {
      const context = await deps.store.loadFeedbackContext(op);
      if (!context) throw new GenerationError('invalid_output', 'The answer no longer exists.');
      const evaluator = deps.evaluatorFor
        ? (await deps.evaluatorFor(op.user_id)).evaluator
        : deps.evaluator;
      await evaluator.prepare();
      const evaluation = await callWithRetries(
        (signal) => evaluator.evaluate(context.input, { signal }),
        { budgetMs: deps.budgetMs, shutdown, log, wording: RETRY_WORDING },
      );
      const done = await deps.store.completeFeedback(
        op,
        {
          feedbackId: randomUUID(),
          questionId: context.questionId,
          answerId: op.answer_message_id!,
        },
        evaluation,
      );
      if (!done) return 'not_held';
      log.info({ status: evaluation.status, score: evaluation.score }, 'answer evaluated');
      return 'completed';
    });
}

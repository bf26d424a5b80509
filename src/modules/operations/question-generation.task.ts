import { randomUUID } from 'node:crypto';
import { GenerationError, type QuestionGenerator } from '../../llm/generator.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { QueueSource } from '../../platform/queue.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import { generateWithRetries } from './generate-with-retries.js';
import type { LeaseRenewer } from './lease-renewer.js';
import type { ClaimedOperation, GenerationQueueRepository } from './generation-queue.repository.js';

/**
 * Claims per operation before it is given up: a generation that kills its worker must not
 * loop forever. Claims handed back at shutdown are not counted, and a live worker renews
 * its lease, so every claim after the first means a holder died or stalled.
 */
export const MAX_CLAIMS = 3;

const INTERNAL_FAILURE =
  'The question could not be generated because of an internal error. Please try again.';

const sessionEnded = (status: string) =>
  `The interview was ${status === 'paused' ? 'paused' : 'completed'} before the question was ready.`;

export interface QuestionTaskDeps {
  queue: GenerationQueueRepository;
  generator: QuestionGenerator;
  /** A user's own provider, when they set one; otherwise `generator`. */
  generatorFor?: (userId: string) => Promise<{ generator: QuestionGenerator }>;
  metrics: Metrics;
  log: Logger;
  workerId: string;
  budgetMs: number;
  /** A claim's lease. */
  leaseMs: number;
  /** Renews the leases of the claims in flight while their work runs. */
  leases: LeaseRenewer;
  subscribe: QueueSource<ClaimedOperation>['subscribe'];
  /** Told about every operation this worker finishes, so long-polls answer at once. */
  finished: WakeChannel;
}

/** The question-generation task as a queue source: how to claim, how to run one, when to wake. */
export function createQuestionGenerationSource(
  deps: QuestionTaskDeps,
): QueueSource<ClaimedOperation> {
  const { queue, generator, metrics, workerId, budgetMs, leaseMs } = deps;

  async function run(op: ClaimedOperation, shutdown: AbortSignal): Promise<void> {
    const log = deps.log.child({
      operation_id: op.id,
      session_id: op.session_id,
      attempt: op.attempts,
    });
    if (op.attempts === 1) metrics.pickupLatency.observe(op.pickup_ms / 1000);
    const finish = (outcome: 'completed' | 'failed') => {
      (outcome === 'completed' ? metrics.operationsCompleted : metrics.operationsFailed).inc();
      deps.finished.publish(op.id);
    };

    if (op.attempts > MAX_CLAIMS) {
      log.error('operation interrupted too many times; giving up');
      if (await queue.fail(op, 'Question generation was interrupted repeatedly. Please try again.'))
        finish('failed');
      return;
    }
    if (op.operation_type === 'question_generation' && op.session_status !== 'active') {
      log.info({ session_status: op.session_status }, 'interview no longer active; not generating');
      if (await queue.fail(op, sessionEnded(op.session_status))) finish('failed');
      return;
    }
    const stopTimer = metrics.generationDuration.startTimer();
    const releaseLease = deps.leases.hold(op, log);
    try {
      const input = await queue.loadContext(op);
      if (!input) throw new GenerationError('invalid_output', 'The interview no longer exists.');
      log.debug('generating question');
      const chosen = deps.generatorFor
        ? (await deps.generatorFor(op.user_id)).generator
        : generator;
      await chosen.prepare?.();
      const question = await generateWithRetries(chosen, input, { budgetMs, shutdown, log });
      const outcome = await queue.complete(op, randomUUID(), question);
      if (outcome.kind === 'completed') {
        finish('completed');
        log.info({ question_type: question.questionType }, 'question generated');
      } else if (outcome.kind === 'session_not_active') {
        log.info({ session_status: outcome.status }, 'interview ended during generation; dropped');
        if (await queue.fail(op, sessionEnded(outcome.status))) finish('failed');
      } else {
        log.warn('operation was no longer held by this claim; result dropped');
      }
    } catch (err) {
      if (shutdown.aborted && !(err instanceof GenerationError && err.kind === 'timeout')) {
        await queue.release(op);
        log.info('shutting down; operation handed back');
        return;
      }
      const message = err instanceof GenerationError ? err.message : INTERNAL_FAILURE;
      if (err instanceof GenerationError)
        log.warn({ kind: err.kind }, 'question generation failed');
      else log.error({ err }, 'question generation failed unexpectedly');
      if (await queue.fail(op, message)) finish('failed');
    } finally {
      releaseLease();
      stopTimer();
    }
  }

  return {
    claim: (n) => queue.claim(workerId, n, leaseMs),
    run,
    subscribe: deps.subscribe,
  };
}

import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Deps } from './deps.js';
import { createAnswerFeedbackTask } from './modules/feedback/feedback.task.js';
import { createSessionReportTask } from './modules/feedback/report.task.js';
import { dispatchByType } from './modules/operations/operation-dispatch.js';
import { createQuestionGenerationSource } from './modules/operations/question-generation.task.js';
import { withOutageRetries } from './platform/db/outage-retry.js';
import { inBackground } from './platform/db/priority-gate.js';
import { startQueueWorker, type QueueWorker } from './platform/queue.js';

export interface StartWorkerOptions {
  /** false: nothing runs until drain() is called (tests drive the worker by hand). */
  autoStart?: boolean;
  /** Names this worker in logs and in the operations it holds. */
  workerId?: string;
}

/** Starts a question-generation worker in this process over the service's dependencies. */
export async function startWorker(
  deps: Deps,
  { autoStart = true, workerId }: StartWorkerOptions = {},
): Promise<QueueWorker> {
  const { config, log, queue, channels } = deps;
  const id = workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  if (deps.db.mode === 'embedded') {
    // This process owns DATA_DIR, so every lease in it belongs to a process that died.
    const released = await queue.releaseAllLeases();
    if (released > 0) log.info({ released }, 'reclaimed operations interrupted by a previous stop');
  }
  // A generation that outlives a short database outage still gets its result stored:
  // the context read waits up to 5 s, the guarded final writes as long as the lease.
  const writeMs = config.worker.leaseMs;
  const taskDeps = {
    queue: withOutageRetries(queue, {
      loadContext: 5_000,
      complete: writeMs,
      fail: writeMs,
      release: writeMs,
    }),
    metrics: deps.metrics,
    log: log.child({ worker_id: id }),
    workerId: id,
    budgetMs: config.llm.timeoutMs,
    leaseMs: config.worker.leaseMs,
    finished: channels.finished,
  };
  const questions = createQuestionGenerationSource({
    ...taskDeps,
    generator: deps.generator,
    generatorFor: deps.generatorFor,
    subscribe: (onWork) => channels.ready.subscribe(() => onWork()),
  });
  // One queue, one claim; each operation type has its own task.
  const byType = dispatchByType(questions, {
    answer_feedback: createAnswerFeedbackTask({
      ...taskDeps,
      store: deps.evaluationStore,
      evaluator: deps.evaluator,
      evaluatorFor: deps.generatorFor,
    }),
    session_report: createSessionReportTask({ ...taskDeps, store: deps.evaluationStore }),
  });
  // The worker's statements are background work: on the embedded database's one
  // connection they yield to requests' (platform/db/priority-gate.ts).
  const source: typeof byType = {
    claim: (n) => inBackground(() => byType.claim(n)),
    run: (op, signal) => inBackground(() => byType.run(op, signal)),
    subscribe: byType.subscribe,
  };
  return startQueueWorker(source, {
    concurrency: config.worker.concurrency,
    pollIntervalMs: config.worker.pollIntervalMs,
    log,
    autoStart,
  });
}

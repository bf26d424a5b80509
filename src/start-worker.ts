import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Deps } from './deps.js';
import { createAnswerFeedbackTask } from './modules/feedback/feedback.task.js';
import { createSessionReportTask } from './modules/feedback/report.task.js';
import { claimCapacity } from './modules/operations/claim-capacity.js';
import { dispatchByType } from './modules/operations/operation-dispatch.js';
import { startHousekeeping } from './modules/operations/housekeeping.js';
import { createLeaseRenewer } from './modules/operations/lease-renewer.js';
import { createOperationsRepository } from './modules/operations/operations.repository.js';
import { createQuestionGenerationTask } from './modules/operations/question-generation.task.js';
import { eventLoopSaturation } from './platform/busy-meter.js';
import { withOutageRetries } from './platform/db/outage-retry.js';
import type { Database } from './platform/db/client.js';
import { startQueueWorker, type QueueWorker } from './platform/queue.js';

export interface StartWorkerOptions {
  /** false: nothing runs until drain() is called (tests drive the worker by hand). */
  autoStart?: boolean;
  /** Names this worker in logs and in the operations it holds. */
  workerId?: string;
  /** It runs in the API process: it claims little while requests are busy (claim-capacity.ts). */
  yieldToRequests?: boolean;
}

/** Starts a question-generation worker in this process over the service's dependencies. */
export async function startWorker(
  deps: Deps,
  { autoStart = true, workerId, yieldToRequests = false }: StartWorkerOptions = {},
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
  const leases = createLeaseRenewer(queue, config.worker.leaseMs, log);
  const taskDeps = {
    queue: withOutageRetries(queue, {
      loadContext: 5_000,
      complete: writeMs,
      fail: writeMs,
      release: writeMs,
    }),
    metrics: deps.metrics,
    log: log.child({ worker_id: id }),
    budgetMs: config.llm.timeoutMs,
    leases,
    finished: channels.finished,
  };
  // One queue, one claim; each operation type has its own task.
  const byType = dispatchByType(
    {
      claim: (n) => queue.claim(id, n, config.worker.leaseMs),
      subscribe: (onWork) => channels.ready.subscribe(() => onWork()),
    },
    {
      question_generation: createQuestionGenerationTask({
        ...taskDeps,
        generator: deps.generator,
        generatorFor: deps.generatorFor,
      }),
      answer_feedback: createAnswerFeedbackTask({
        ...taskDeps,
        store: deps.evaluationStore,
        evaluator: deps.evaluator,
        evaluatorFor: deps.generatorFor,
      }),
      session_report: createSessionReportTask({ ...taskDeps, store: deps.evaluationStore }),
    },
  );
  // The worker's statements are background work: on the embedded database's one
  // connection they yield to requests' (platform/db/priority-gate.ts).
  const { background } = deps.db;
  const source: typeof byType = {
    claim: (n) => background(() => byType.claim(n)),
    run: (op, signal) => background(() => byType.run(op, signal)),
    subscribe: byType.subscribe,
  };
  const worker = await startQueueWorker(source, {
    concurrency: config.worker.concurrency,
    capacity: claimCapacity(deps.providers, {
      ...(yieldToRequests ? { yieldNow: requestsFirst(deps) } : {}),
    }),
    pollIntervalMs: config.worker.pollIntervalMs,
    log,
    autoStart,
  });
  // Old idempotency keys and rate-limit counters go, a bounded batch at a time, as
  // background work like the worker's own statements.
  const housekeeping = autoStart
    ? startHousekeeping({
        repository: inBackgroundCalls(createOperationsRepository(deps.db), background),
        log,
        intervalMs: HOUSEKEEPING_INTERVAL_MS,
      })
    : undefined;
  return {
    drain: () => worker.drain(),
    get inFlight() {
      return worker.inFlight;
    },
    async stop(graceMs) {
      await housekeeping?.stop();
      await worker.stop(graceMs);
      leases.stop();
    },
  };
}

/** How often each worker cleans up old idempotency keys and rate-limit counters. */
export const HOUSEKEEPING_INTERVAL_MS = 60_000;

/** Requests are busy and this thread is saturated: a worker in the API process holds back. */
function requestsFirst({ requests }: Deps): () => boolean {
  const saturated = eventLoopSaturation();
  return () => requests.busy() && saturated();
}

function inBackgroundCalls(
  repository: ReturnType<typeof createOperationsRepository>,
  background: Database['background'],
): Parameters<typeof startHousekeeping>[0]['repository'] {
  return {
    expireIdempotencyKeys: (n) => background(() => repository.expireIdempotencyKeys(n)),
    deleteStaleQuota: (n) => background(() => repository.deleteStaleQuota(n)),
  };
}

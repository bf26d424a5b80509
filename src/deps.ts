import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { createQuestionGenerator } from './llm/index.js';
import type { QuestionGenerator } from './llm/generator.js';
import { createAnswerEvaluator, type AnswerEvaluator } from './llm/feedback/index.js';
import { createPostgresDatabase, type Database } from './platform/db/client.js';
import { openEmbeddedStorage, type EmbeddedStorage } from './platform/db/embedded.js';
import type { Logger } from './platform/logger.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { startQueueWorker, type QueueWorker } from './platform/queue.js';
import { loadOrCreateJwtSecret } from './platform/secret.js';
import { createWakeChannel, type WakeChannel } from './platform/wake-channel.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createTokenService, type TokenService } from './modules/auth/tokens.js';
import { createUsersRepository } from './modules/auth/users.repository.js';
import { createJobPostingsRepository } from './modules/job-postings/job-postings.repository.js';
import { createJobPostingsService } from './modules/job-postings/job-postings.service.js';
import { createGenerationQueueRepository } from './modules/operations/generation-queue.repository.js';
import {
  createOperationWatcher,
  type OperationWatcher,
} from './modules/operations/operation-watcher.js';
import { createOperationsRepository } from './modules/operations/operations.repository.js';
import { createOperationsService } from './modules/operations/operations.service.js';
import { createQuestionGenerationSource } from './modules/operations/question-generation.task.js';
import { createResumesRepository } from './modules/resumes/resumes.repository.js';
import { createResumesService } from './modules/resumes/resumes.service.js';
import { createMessagesRepository } from './modules/sessions/messages.repository.js';
import { createSessionsRepository } from './modules/sessions/sessions.repository.js';
import { createSessionsService } from './modules/sessions/sessions.service.js';
import { createEvaluationStore } from './modules/feedback/evaluation-store.repository.js';
import { createFeedbackRepository } from './modules/feedback/feedback.repository.js';
import { createFeedbackService } from './modules/feedback/feedback.service.js';
import { createAnswerFeedbackTask } from './modules/feedback/feedback.task.js';
import { createSessionReportTask } from './modules/feedback/report.task.js';
import { createEvaluationQueueRepository } from './modules/operations/evaluation-queue.repository.js';
import { createEvaluationQueue } from './modules/operations/evaluation-queue.service.js';
import { dispatchByType } from './modules/operations/operation-dispatch.js';

export interface Deps {
  config: Readonly<Config>;
  log: Logger;
  db: Database;
  generator: QuestionGenerator;
  evaluator: AnswerEvaluator;
  metrics: Metrics;
  tokens: TokenService;
  watcher: OperationWatcher;
  services: ReturnType<typeof createServices>;
  /** Starts a question-generation worker in this process. */
  startWorker(options?: { autoStart?: boolean; workerId?: string }): Promise<QueueWorker>;
  /** Closes the database (and releases DATA_DIR). Stop HTTP and workers first. */
  close(): Promise<void>;
}

export interface DepsOverrides {
  log: Logger;
  /** An already open database (tests); otherwise opened from config.storage. */
  db?: Database;
  /** An embedded database already being opened (start-up overlaps it with module loading). */
  storage?: Promise<EmbeddedStorage>;
  generator?: QuestionGenerator;
  evaluator?: AnswerEvaluator;
}

interface Channels {
  /** New operations: wakes workers. */
  ready: WakeChannel;
  /** Finished operations: wakes long-polls. */
  finished: WakeChannel;
}

function createServices(
  db: Database,
  tokens: TokenService,
  watcher: OperationWatcher,
  metrics: Metrics,
  channels: Channels,
  config: Config,
) {
  const auth = createAuthService({ users: createUsersRepository(db.orm), tokens });
  const resumes = createResumesService({ resumes: createResumesRepository(db.orm) });
  const jobPostings = createJobPostingsService({
    jobPostings: createJobPostingsRepository(db.orm),
  });
  const evaluations = createEvaluationQueue({
    repository: createEvaluationQueueRepository(db),
    metrics,
    ready: channels.ready,
    rateLimit: config.generationRateLimit,
  });
  const sessions = createSessionsService({
    db,
    evaluations,
    sessions: createSessionsRepository(db.orm),
    messages: createMessagesRepository(db),
    jobPostings,
  });
  const operations = createOperationsService({
    operations: createOperationsRepository(db),
    sessions,
    watcher,
    metrics,
    ready: channels.ready,
    rateLimit: config.generationRateLimit,
  });
  const feedback = createFeedbackService({
    feedback: createFeedbackRepository(db),
    sessions,
    evaluations,
  });
  return { auth, resumes, jobPostings, sessions, operations, feedback };
}

/** The one composition root: storage, repositories, services, the generator and the worker factory. */
export async function createDeps(
  config: Readonly<Config>,
  overrides: DepsOverrides,
): Promise<Deps> {
  const { log } = overrides;
  let db = overrides.db;
  let closeStorage = async () => db?.close();
  if (!db) {
    if (config.storage.mode === 'embedded') {
      const storage = await (overrides.storage ?? openEmbeddedStorage(config.storage.dataDir));
      db = storage.db;
      closeStorage = storage.close;
    } else {
      db = createPostgresDatabase(config.storage.url, config.storage.poolSize, log);
    }
  }
  const database = db;
  try {
    const secret =
      config.jwtSecret ??
      (config.storage.mode === 'embedded'
        ? await loadOrCreateJwtSecret(config.dataDir)
        : undefined);
    if (!secret) throw new Error('JWT_SECRET is required when DATABASE_URL is set.');
    const tokens = createTokenService(secret, config.accessTokenTtlSeconds);
    const generator = overrides.generator ?? createQuestionGenerator(config.llm);
    const evaluator = overrides.evaluator ?? createAnswerEvaluator(config.llm);
    const evaluationStore = createEvaluationStore(database);
    const queueRepo = createGenerationQueueRepository(database);
    const metrics = createMetrics(() => queueRepo.countPending());
    const channels: Channels = {
      ready: createWakeChannel(database, 'operations_ready', log),
      finished: createWakeChannel(database, 'operation_finished', log),
    };
    const watcher = await createOperationWatcher(channels.finished);
    const services = createServices(database, tokens, watcher, metrics, channels, config);

    return {
      config,
      log,
      db: database,
      generator,
      evaluator,
      metrics,
      tokens,
      watcher,
      services,
      async startWorker({ autoStart = true, workerId } = {}) {
        const id = workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
        if (database.mode === 'embedded') {
          // This process owns DATA_DIR, so every lease in it belongs to a process that died.
          const released = await queueRepo.releaseAllLeases();
          if (released > 0)
            log.info({ released }, 'reclaimed operations interrupted by a previous stop');
        }
        const taskDeps = {
          queue: queueRepo,
          metrics,
          log: log.child({ worker_id: id }),
          workerId: id,
          budgetMs: config.llm.timeoutMs,
          finished: channels.finished,
        };
        const questions = createQuestionGenerationSource({
          ...taskDeps,
          generator,
          subscribe: (onWork) => channels.ready.subscribe(() => onWork()),
        });
        const source = dispatchByType(questions, {
          answer_feedback: createAnswerFeedbackTask({
            ...taskDeps,
            store: evaluationStore,
            evaluator,
          }),
          session_report: createSessionReportTask({ ...taskDeps, store: evaluationStore }),
        });
        return startQueueWorker(source, {
          concurrency: config.worker.concurrency,
          pollIntervalMs: 1_000,
          log,
          autoStart,
        });
      },
      async close() {
        await watcher.stop().catch(() => undefined);
        await closeStorage();
      },
    };
  } catch (err) {
    await closeStorage().catch(() => undefined);
    throw err;
  }
}

import { createModelProbe, type ModelProbe } from './modules/llm-settings/model-probe.js';
import type { Config } from './config.js';
import { createAnalysisPool, createQuestionGenerator } from './llm/index.js';
import type { QuestionGenerator } from './llm/generator.js';
import { createAnswerEvaluator, type AnswerEvaluator } from './llm/feedback/index.js';
import { createPostgresDatabase, type Database } from './platform/db/client.js';
import { openEmbeddedStorage, type EmbeddedStorage } from './platform/db/embedded.js';
import { createBusyMeter, type BusyMeter } from './platform/busy-meter.js';
import type { Logger } from './platform/logger.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import {
  createProviderLimiter,
  providerKey,
  type ModelProviders,
} from './platform/provider-limits.js';
import { loadOrCreateJwtSecret, loadOrCreateSecretsKey } from './platform/secret.js';
import { createSecretBox, type SecretBox } from './platform/secret-box.js';
import { createWakeChannel, type WakeChannel } from './platform/wake-channel.js';
import { createAccountService } from './modules/account/account.service.js';
import { createLlmSettingsRepository } from './modules/llm-settings/llm-settings.repository.js';
import { createLlmSettingsService } from './modules/llm-settings/llm-settings.service.js';
import { createUserGenerators, type GeneratorFor } from './modules/llm-settings/user-generators.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createLoginThrottle } from './modules/auth/login-throttle.js';
import { limitPasswordHashing } from './modules/auth/password.js';
import { createTokenRevocationsRepository } from './modules/auth/token-revocations.repository.js';
import { createTokenService, type TokenService } from './modules/auth/tokens.js';
import { createUsersRepository } from './modules/auth/users.repository.js';
import { createJobPostingsRepository } from './modules/job-postings/job-postings.repository.js';
import { createJobPostingsService } from './modules/job-postings/job-postings.service.js';
import {
  createGenerationQueueRepository,
  type GenerationQueueRepository,
} from './modules/operations/generation-queue.repository.js';
import {
  createOperationWatcher,
  type OperationWatcher,
} from './modules/operations/operation-watcher.js';
import { createOperationsRepository } from './modules/operations/operations.repository.js';
import { createOperationsService } from './modules/operations/operations.service.js';
import { createPdfReader, PDF_LIMITS } from './modules/resumes/pdf-reader.js';
import { createResumesRepository } from './modules/resumes/resumes.repository.js';
import { createResumesService } from './modules/resumes/resumes.service.js';
import { createMessagesRepository } from './modules/sessions/messages.repository.js';
import { createSessionsRepository } from './modules/sessions/sessions.repository.js';
import { eraseSessions } from './modules/sessions/session-erasure.js';
import { createSessionsService } from './modules/sessions/sessions.service.js';
import {
  createEvaluationStore,
  type EvaluationStore,
} from './modules/feedback/evaluation-store.repository.js';
import { createFeedbackRepository } from './modules/feedback/feedback.repository.js';
import { createProgressRepository } from './modules/progress/progress.repository.js';
import { createProgressService } from './modules/progress/progress.service.js';
import { createFeedbackService } from './modules/feedback/feedback.service.js';
import { createReportExportService } from './modules/feedback/report-export/report-export.service.js';
import {
  createReportRenderer,
  type ReportRenderer,
} from './modules/feedback/report-export/report-renderer.js';
import { createEvaluationQueueRepository } from './modules/operations/evaluation-queue.repository.js';
import { createEvaluationQueue } from './modules/operations/evaluation-queue.service.js';

export interface Deps {
  config: Readonly<Config>;
  log: Logger;
  db: Database;
  generator: QuestionGenerator;
  evaluator: AnswerEvaluator;
  /** Where the feedback and report tasks store what they judged. */
  evaluationStore: EvaluationStore;
  metrics: Metrics;
  tokens: TokenService;
  watcher: OperationWatcher;
  services: ReturnType<typeof createServices> & { modelProbe: ModelProbe };
  /** The queue's worker side, for start-worker.ts. */
  queue: GenerationQueueRepository;
  /** The generator for one user's operations: their own provider, or the server's. */
  generatorFor: GeneratorFor;
  channels: Channels;
  /** Model calls in flight per provider, and their 429 back-off. */
  providers: ModelProviders;
  /** This process's HTTP requests lately: a worker in the API process yields to them. */
  requests: BusyMeter;
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

/** An API process is busy with at least this many requests within BUSY_WINDOW_MS. */
const BUSY_REQUESTS = 8;
const BUSY_WINDOW_MS = 100;

/** Offline generations in flight per analysis thread: one running, the next ones queued. */
export const OFFLINE_PER_THREAD = 4;

export interface Channels {
  /** New operations: wakes workers. */
  ready: WakeChannel;
  /** Finished operations: wakes long-polls. */
  finished: WakeChannel;
  /** A user whose tokens were revoked: every process forgets what it remembered of them. */
  revoked: WakeChannel;
}

function createServices(
  db: Database,
  tokens: TokenService,
  watcher: OperationWatcher,
  metrics: Metrics,
  channels: Channels,
  config: Config,
  box: SecretBox | undefined,
  render: ReportRenderer,
) {
  const auth = createAuthService({
    users: createUsersRepository(db.orm),
    tokens,
    revocations: createTokenRevocationsRepository(db),
    revoked: channels.revoked,
  });
  const loginThrottle = createLoginThrottle({ db, limits: config.auth });
  const resumes = createResumesService({
    resumes: createResumesRepository(db.orm),
    pdf: createPdfReader({ ...PDF_LIMITS, ...config.pdf }),
  });
  const jobPostings = createJobPostingsService({
    jobPostings: createJobPostingsRepository(db),
    eraseSessions,
    maxPerUser: config.limits.jobPostingsPerUser,
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
    maxPerUser: config.limits.sessionsPerUser,
  });
  const operations = createOperationsService({
    operations: createOperationsRepository(db),
    sessions,
    watcher,
    metrics,
    ready: channels.ready,
    rateLimit: config.generationRateLimit,
    recheckMs: config.longPollRecheckMs,
  });
  const feedbackRepository = createFeedbackRepository(db);
  const feedback = createFeedbackService({ feedback: feedbackRepository, sessions, evaluations });
  const reportExport = createReportExportService({
    feedback: feedbackRepository,
    sessions,
    jobPostings,
    render,
  });
  const progress = createProgressService({ progress: createProgressRepository(db) });
  const account = createAccountService({ db, auth });
  const llmSettings = createLlmSettingsService({
    settings: createLlmSettingsRepository(db),
    box,
    allowPrivate: config.userLlm.allowPrivate,
  });
  return {
    auth,
    loginThrottle,
    resumes,
    jobPostings,
    sessions,
    operations,
    account,
    llmSettings,
    feedback,
    reportExport,
    progress,
  };
}

/** The one composition root: storage, repositories, services, the generator and the queue. */
export async function createDeps(
  config: Readonly<Config>,
  overrides: DepsOverrides,
): Promise<Deps> {
  const { log } = overrides;
  limitPasswordHashing(config.auth.passwordHashConcurrency);
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
  // The offline generator and evaluator run here, off the event loop (threads start on first use).
  const analysis = createAnalysisPool({
    threads: config.analysis.threads,
    timeoutMs: config.llm.timeoutMs,
  });
  // Report files (PDF, large Markdown) are made in a thread of their own, started on first use.
  const render = createReportRenderer();
  const closeThreads = async () => {
    await analysis.close();
    await render.close();
  };
  try {
    const secret =
      config.jwtSecret ??
      (config.storage.mode === 'embedded'
        ? await loadOrCreateJwtSecret(config.dataDir)
        : undefined);
    if (!secret) throw new Error('JWT_SECRET is required when DATABASE_URL is set.');
    const tokens = createTokenService(
      secret,
      config.accessTokenTtlSeconds,
      createTokenRevocationsRepository(database),
      config.tokenCacheMs,
    );
    const limiter = createProviderLimiter({ maxInFlight: config.worker.perProviderConcurrency });
    const remote = config.llm.provider === 'openai' && config.llm.baseUrl;
    const llm = remote
      ? { ...config.llm, fetch: limiter.fetch(providerKey(config.llm.baseUrl!)) }
      : config.llm;
    const providers: ModelProviders = overrides.generator
      ? { limiter, serverKey: 'injected' }
      : remote
        ? { limiter, serverKey: providerKey(config.llm.baseUrl!) }
        : {
            limiter,
            serverKey: 'offline',
            fixedLimit: config.analysis.threads * OFFLINE_PER_THREAD,
          };
    const generator = overrides.generator ?? createQuestionGenerator(llm, analysis);
    const evaluator = overrides.evaluator ?? createAnswerEvaluator(llm, analysis);
    const evaluationStore = createEvaluationStore(database);
    const queueRepo = createGenerationQueueRepository(database);
    const metrics = createMetrics(() => queueRepo.countPending());
    const channels: Channels = {
      ready: createWakeChannel(database, 'operations_ready', log),
      finished: createWakeChannel(database, 'operation_finished', log),
      revoked: createWakeChannel(database, 'tokens_revoked', log),
    };
    // '' comes after a reconnect (notifications may have been missed): forget everyone.
    const stopForgetting = await channels.revoked.subscribe((userId) => tokens.forget(userId));
    const watcher = await createOperationWatcher(channels.finished);
    // Users' provider keys: SECRETS_KEY, or in embedded mode one generated into DATA_DIR.
    // (Not when handed a database: DATA_DIR is then not this process's to write.)
    const secretsKey =
      config.secretsKey ??
      (config.storage.mode === 'embedded' && !overrides.db
        ? await loadOrCreateSecretsKey(config.dataDir)
        : undefined);
    const box = secretsKey ? createSecretBox(secretsKey) : undefined;
    const services = createServices(
      database,
      tokens,
      watcher,
      metrics,
      channels,
      config,
      box,
      render,
    );
    const generatorFor = createUserGenerators({
      settings: createLlmSettingsRepository(database),
      box,
      fallback: generator,
      fallbackEvaluator: evaluator,
      timeoutMs: config.llm.timeoutMs,
      allowPrivate: config.userLlm.allowPrivate,
      analysis,
      limiter,
    });

    return {
      config,
      log,
      db: database,
      generator,
      evaluator,
      evaluationStore,
      metrics,
      tokens,
      watcher,
      services: {
        ...services,
        modelProbe: createModelProbe({
          llmSettings: services.llmSettings,
          generatorFor,
          budgetMs: config.llm.timeoutMs,
          log,
        }),
      },
      queue: queueRepo,
      channels,
      generatorFor,
      providers,
      requests: createBusyMeter(BUSY_REQUESTS, BUSY_WINDOW_MS),
      async close() {
        await watcher.stop().catch(() => undefined);
        await stopForgetting().catch(() => undefined);
        await closeThreads();
        await closeStorage();
      },
    };
  } catch (err) {
    await closeThreads();
    await closeStorage().catch(() => undefined);
    throw err;
  }
}

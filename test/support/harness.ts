import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createLogger } from '../../src/platform/logger.js';
import type { QuestionGenerator } from '../../src/llm/generator.js';
import type { AnswerEvaluator } from '../../src/llm/feedback/index.js';
import type { QueueWorker } from '../../src/platform/queue.js';
import { createTestDatabase } from './database.js';
import { FakeGenerator } from './fake-generator.js';
import { startWorker } from '../../src/start-worker.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  config: Readonly<Config>;
  /** The worker, started by hand: call drain() to run everything claimable. */
  worker: QueueWorker;
  generator: QuestionGenerator;
  /** The database URL in PostgreSQL mode (for extra processes or workers). */
  databaseUrl?: string;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** Every log line the app writes, parsed: pass `log` to buildTestApp. */
export function logCapture(): { log: pino.DestinationStream; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = {
    write(chunk: string) {
      for (const line of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    },
  };
  return { log, lines };
}

/**
 * The app over a fresh database, with a worker that runs only when drained.
 * `env` overrides configuration the way the process environment would; `log` receives
 * the app's log lines (at LOG_LEVEL, info when not set), through the service's own logger.
 */
export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    /** A test double by default; 'from-config': the generator the configuration names. */
    generator?: QuestionGenerator | 'from-config';
    evaluator?: AnswerEvaluator;
    autoStartWorker?: boolean;
    log?: pino.DestinationStream;
    logRequests?: boolean;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({
    JWT_SECRET: TEST_JWT_SECRET,
    GENERATION_RATE_LIMIT: '0',
    // Every test signs up from the same address; the limit has tests of its own.
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '0',
    // A hang guard, not the 10 s default: on a loaded machine a first evaluation or offline
    // question (which loads the NLP library in its thread) can take longer. Tests of the
    // budget set their own.
    LLM_TIMEOUT_MS: '120000',
    LOG_LEVEL: options.log ? 'info' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...options.env,
  });
  const log = createLogger(config.logLevel, options.log ?? pino.destination(1));
  const testDb = await createTestDatabase(log);
  const injected = options.generator === 'from-config' ? undefined : options.generator;
  const fake = injected ?? (options.generator ? undefined : new FakeGenerator());
  const deps = await createDeps(config, {
    log,
    db: testDb.db,
    ...(fake ? { generator: fake } : {}),
    ...(options.evaluator ? { evaluator: options.evaluator } : {}),
  });
  const app = await buildApp(deps, { logRequests: options.logRequests });
  await app.ready();
  const worker = await startWorker(deps, { autoStart: options.autoStartWorker ?? false });
  return {
    app,
    deps,
    config,
    worker,
    generator: deps.generator,
    databaseUrl: testDb.url,
    async close() {
      await app.close();
      await worker.stop(1_000);
      await deps.close();
      await testDb.drop();
    },
  };
}

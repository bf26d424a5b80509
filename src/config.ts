import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// Every variable the service reads, with the contract's defaults. Empty strings count as unset.
const envSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: int(0, 65535).default(8000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: int(1, 200).default(16),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: int(60, 30 * 24 * 3600).default(3600),
    TOKEN_CACHE_MS: int(0, 3_600_000).default(30_000),
    LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: int(100, 600_000).default(10_000),
    GENERATION_RATE_LIMIT: int(0, 1_000_000).default(30),
    LOGIN_FAILURES_PER_ACCOUNT: int(0, 1_000_000).default(10),
    LOGIN_FAILURES_PER_ADDRESS: int(0, 1_000_000).default(100),
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: int(0, 1_000_000).default(20),
    PASSWORD_HASH_CONCURRENCY: int(1, 64).default(2),
    MAX_JOB_POSTINGS_PER_USER: int(0, 1_000_000).default(500),
    MAX_SESSIONS_PER_USER: int(0, 1_000_000).default(2_000),
    WORKER_CONCURRENCY: int(1, 1_024).default(256),
    LLM_CONCURRENCY_PER_PROVIDER: int(1, 1_024).default(128),
    ANALYSIS_THREADS: int(1, 4).default(1),
    REQUEST_TIMEOUT_MS: int(1_000, 600_000).default(60_000),
    PDF_TIMEOUT_MS: int(100, 120_000).default(10_000),
    PDF_MAX_PAGES: int(1, 1_000).default(20),
    PDF_CONCURRENCY: int(1, 16).default(2),
    WORKER_IN_API: bool.default(true),
    WORKER_LEASE_MS: int(200, 3_600_000).optional(),
    WORKER_POLL_INTERVAL_MS: int(10, 3_600_000).default(1_000),
    LONG_POLL_RECHECK_MS: int(100, 3_600_000).default(2_000),
    SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
    SECRETS_KEY: z
      .string()
      .refine(
        (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32,
        'must be 32 random bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    USER_LLM_ALLOW_PRIVATE: bool.optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required when DATABASE_URL is set',
      });
    }
    // A local OpenAI-compatible server may need no key; the public default endpoint does.
    if (env.LLM_PROVIDER === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message:
          'is required when LLM_PROVIDER=openai (unless OPENAI_BASE_URL names a server that needs none)',
      });
    }
  });

/** The public endpoint, used when LLM_PROVIDER=openai names no OPENAI_BASE_URL. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The question generator's settings. */
export interface LlmConfig {
  provider: 'offline' | 'openai';
  apiKey: string | undefined;
  /** With provider 'openai': the server, including its /v1 (the public endpoint by default). */
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
}

export interface Config {
  host: string;
  port: number;
  storage:
    { mode: 'embedded'; dataDir: string } | { mode: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  /** How long a process may trust a token it found live without asking again (a lost revocation notice lasts at most this). */
  tokenCacheMs: number;
  llm: LlmConfig;
  generationRateLimit: number;
  /** Encrypts users' own provider keys (base64 of 32 bytes); generated into DATA_DIR when embedded. */
  secretsKey: string | undefined;
  /** Users' own providers: whether their base URL may point at loopback or private addresses. */
  userLlm: { allowPrivate: boolean };
  auth: {
    loginFailuresPerAccount: number;
    loginFailuresPerAddress: number;
    registrationsPerAddressPerMinute: number;
    /** Password hashes computed at once, so argon2 leaves libuv's thread pool to the rest. */
    passwordHashConcurrency: number;
  };
  /** Receiving one request, headers and body. */
  requestTimeoutMs: number;
  /** Resume PDFs are read in worker threads under these bounds. */
  pdf: { timeoutMs: number; maxPages: number; concurrency: number };
  /** Worker threads the offline generator and evaluator run in, per process (started on first use). */
  analysis: { threads: number };
  /** A long-poll re-reads its operation this often even without a wake-up (one may be lost). */
  longPollRecheckMs: number;
  /** Rows one user may keep (0: no limit): hoarding stays bounded. */
  limits: { jobPostingsPerUser: number; sessionsPerUser: number };
  worker: {
    /** Operations one process runs at once (most of them wait on a model's socket). */
    concurrency: number;
    /**
     * Model calls in flight per provider (base URL) and process; lowered for a while after a
     * 429. The offline generator is bounded by its threads instead (ANALYSIS_THREADS x 4).
     */
    perProviderConcurrency: number;
    inApi: boolean;
    shutdownGraceMs: number;
    /** How long a claim holds an operation without renewal; a worker renews it at a third. */
    leaseMs: number;
    /** Fallback poll for lapsed leases and lost wake-ups. */
    pollIntervalMs: number;
  };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the whole environment at once; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const provider = e.LLM_PROVIDER ?? (e.OPENAI_API_KEY ? 'openai' : 'offline');
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    storage: e.DATABASE_URL
      ? { mode: 'postgres' as const, url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { mode: 'embedded' as const, dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    tokenCacheMs: e.TOKEN_CACHE_MS,
    llm: {
      provider,
      apiKey: e.OPENAI_API_KEY,
      baseUrl: provider === 'openai' ? (e.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL) : undefined,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
    generationRateLimit: e.GENERATION_RATE_LIMIT,
    auth: {
      loginFailuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
      loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
      registrationsPerAddressPerMinute: e.REGISTRATIONS_PER_ADDRESS_PER_MINUTE,
      passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
    },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    pdf: {
      timeoutMs: e.PDF_TIMEOUT_MS,
      maxPages: e.PDF_MAX_PAGES,
      concurrency: e.PDF_CONCURRENCY,
    },
    analysis: { threads: e.ANALYSIS_THREADS },
    longPollRecheckMs: e.LONG_POLL_RECHECK_MS,
    secretsKey: e.SECRETS_KEY,
    // Embedded: the only user is the machine's own, and a local model server is the usual case.
    userLlm: { allowPrivate: e.USER_LLM_ALLOW_PRIVATE ?? !e.DATABASE_URL },
    limits: {
      jobPostingsPerUser: e.MAX_JOB_POSTINGS_PER_USER,
      sessionsPerUser: e.MAX_SESSIONS_PER_USER,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      perProviderConcurrency: e.LLM_CONCURRENCY_PER_PROVIDER,
      inApi: e.WORKER_IN_API,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      leaseMs: e.WORKER_LEASE_MS ?? e.LLM_TIMEOUT_MS + 5_000,
      pollIntervalMs: e.WORKER_POLL_INTERVAL_MS,
    },
    logLevel: e.LOG_LEVEL,
  });
}

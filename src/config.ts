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
    LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: int(100, 600_000).default(10_000),
    GENERATION_RATE_LIMIT: int(0, 1_000_000).default(30),
    MAX_JOB_POSTINGS_PER_USER: int(0, 1_000_000).default(500),
    MAX_SESSIONS_PER_USER: int(0, 1_000_000).default(2_000),
    WORKER_CONCURRENCY: int(1, 64).default(4),
    WORKER_IN_API: bool.default(true),
    SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
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

export interface Config {
  host: string;
  port: number;
  storage:
    { mode: 'embedded'; dataDir: string } | { mode: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  llm: {
    provider: 'offline' | 'openai';
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    timeoutMs: number;
  };
  generationRateLimit: number;
  /** Rows one user may keep (0: no limit): hoarding stays bounded. */
  limits: { jobPostingsPerUser: number; sessionsPerUser: number };
  worker: { concurrency: number; inApi: boolean; shutdownGraceMs: number };
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
    llm: {
      provider,
      apiKey: e.OPENAI_API_KEY,
      baseUrl:
        provider === 'openai' ? (e.OPENAI_BASE_URL ?? 'https://api.openai.com/v1') : undefined,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
    generationRateLimit: e.GENERATION_RATE_LIMIT,
    limits: {
      jobPostingsPerUser: e.MAX_JOB_POSTINGS_PER_USER,
      sessionsPerUser: e.MAX_SESSIONS_PER_USER,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      inApi: e.WORKER_IN_API,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
    logLevel: e.LOG_LEVEL,
  });
}

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIsStale } from '../../scripts/build-freshness.mjs';
import { expectStatus, request } from './http.js';
import { spawnServer, type Child } from './processes.js';

export type Storage = { mode: 'embedded'; dataDir: string } | { mode: 'postgres'; url: string };

/** Builds when stale, so that no measured start pays for a build. */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  if (!buildIsStale(root)) return;
  log('dist is stale: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/** The environment `npm start` gets in the bench: quiet, no rate limit, its own storage and port. */
export function serviceEnv(
  storage: Storage,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    GENERATION_RATE_LIMIT: '0',
    LLM_PROVIDER: 'offline',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    DATABASE_URL: storage.mode === 'postgres' ? storage.url : undefined,
    DATA_DIR: storage.mode === 'embedded' ? storage.dataDir : process.env.DATA_DIR,
    ...extra,
  };
  if (storage.mode === 'embedded') delete env.DATABASE_URL;
  return env;
}

export interface StartOptions {
  root: string;
  storage: Storage;
  port: number;
  /** `npm start` exactly as a user runs it, or node on dist/main.js (what the load runs). */
  via?: 'npm' | 'node';
  env?: Record<string, string>;
  /** Write a V8 CPU profile into this folder when the process exits. */
  cpuProfDir?: string;
}

/** The V8 flags `npm start` gives the service (package.json), so `node dist/main.js` runs the same way. */
export function startFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((arg) => arg.startsWith('--'));
}

export function startService(o: StartOptions): Promise<Child> {
  const env = serviceEnv(o.storage, o.port, o.env);
  const nodeArgs = [
    ...startFlags(o.root),
    ...(o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : []),
  ];
  return spawnServer({
    name: o.via === 'npm' ? 'npm start' : 'service',
    command: o.via === 'npm' ? 'npm' : process.execPath,
    args: o.via === 'npm' ? ['start', '--silent'] : [...nodeArgs, 'dist/main.js'],
    cwd: o.root,
    env,
    port: o.port,
  });
}

const POSTING = {
  title: 'Senior Backend Engineer',
  company: 'Example Corp',
  description: `About the role: you will own the interview-practice API end to end.
Responsibilities:
- Design PostgreSQL schemas and migrations for new features.
- Build and operate background job processing with retries and idempotency.
- Keep p99 latency low under load; profile Node.js services and fix hot paths.
- Review code and mentor two mid-level engineers.
- Run incident reviews and improve on-call runbooks.
- Work with product managers to scope features and estimate delivery.
Requirements:
- 5+ years building HTTP APIs in TypeScript or JavaScript on Node.js.
- Strong SQL: indexing, query plans, transactions and locking.
- Experience with message queues or job queues (SQS, RabbitMQ or pg-based).
- Observability: metrics, structured logs, tracing with OpenTelemetry.
- Experience with Docker and Kubernetes deployments and CI/CD pipelines.
- Clear written communication; experience writing design documents.
Nice to have: Fastify, Redis caching, security reviews, OWASP top 10, load testing.`,
  tech_stack: 'TypeScript, Node.js, PostgreSQL, Fastify, Redis, Docker, Kubernetes',
  experience_level: 'senior',
};

export interface Seed {
  token: string;
  userId: string;
  postingId: string;
  sessionIds: string[];
}

/** One user with a resume and a posting, and `sessions` active interview sessions, through the API. */
export async function seedService(port: number, sessions: number): Promise<Seed> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'bench-password-1';
  await expectStatus(201, port, 'POST', '/api/v1/auth/register', {
    body: { email, password, full_name: 'Bench User' },
  });
  const { access_token: token } = await expectStatus<{ access_token: string }>(
    200,
    port,
    'POST',
    '/api/v1/auth/login',
    { body: { email, password } },
  );
  const me = await expectStatus<{ id: string }>(200, port, 'GET', '/api/v1/users/me', { token });
  await expectStatus(200, port, 'PUT', '/api/v1/users/me/resume', {
    token,
    body: {
      content:
        'Senior backend engineer. Seven years of TypeScript and Node.js, PostgreSQL schema design, ' +
        'queues and background workers, on-call for a payments API serving 2,000 requests a second. ' +
        'Led the move from a monolith to modules; mentored four engineers.',
    },
  });
  // A posting with many requirements: the offline generator finds about 95 distinct
  // questions in it, so sessions under load rarely run out (a short one gives ~20).
  const posting = await expectStatus<{ id: string }>(201, port, 'POST', '/api/v1/job-postings', {
    token,
    body: POSTING,
  });
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) sessionIds.push(await createSession(port, token, posting.id));
  return { token, userId: me.id, postingId: posting.id, sessionIds };
}

export async function createSession(
  port: number,
  token: string,
  postingId: string,
): Promise<string> {
  const s = await expectStatus<{ id: string }>(201, port, 'POST', '/api/v1/sessions', {
    token,
    body: { job_posting_id: postingId },
  });
  return s.id;
}

export interface Counters {
  created: number;
  completed: number;
  failed: number;
  /** operation_pickup_latency_seconds: cumulative bucket counts by upper bound (seconds). */
  pickupBuckets: Array<[number, number]>;
}

/** The operation counters of /metrics (this process's only; embedded mode has one process). */
export async function readCounters(port: number): Promise<Counters> {
  const res = await request<string>(port, 'GET', '/metrics');
  const text = String(res.body);
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const pickupBuckets: Array<[number, number]> = [];
  for (const m of text.matchAll(
    /^operation_pickup_latency_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm,
  )) {
    pickupBuckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2])]);
  }
  return {
    created: value('operations_created_total'),
    completed: value('operations_completed_total'),
    failed: value('operations_failed_total'),
    pickupBuckets,
  };
}

/** Waits until every operation this process created is completed or failed; false on timeout. */
export async function waitDrained(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const c = await readCounters(port);
    if (c.completed + c.failed >= c.created) return true;
    await sleep(200);
  }
  return false;
}

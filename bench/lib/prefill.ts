// BENCH_PREFILL=1: is the cost flat in history? Two services side by side, one on an empty
// database and one on a database pre-filled with 1,000,000 finished operations over
// 100,000 sessions of 10,000 users (generate_series SQL, not the API), measured
// alternately under the same load; then the claim timed on both and the plans of the
// hot lookups shown. Never part of BENCH_SMOKE.
import { setTimeout as sleep } from 'node:timers/promises';
import { CLAIM_SQL } from '../../src/modules/operations/generation-queue.repository.js';
import {
  ENQUEUE_SQL,
  IDEMPOTENCY_SQL,
} from '../../src/modules/operations/operations.repository.js';
import { expectStatus } from './http.js';
import { throughput, type ThroughputResult } from './phases.js';
import { freePort } from './processes.js';
import { seedService, startService, waitDrained, type Storage } from './service.js';
import { round, summary } from './stats.js';
import { quietStep, withStorage, type SqlQuery } from './storage.js';

type Log = (line: string) => void;

export interface PrefillOptions {
  root: string;
  empty: Storage;
  full: Storage;
  users: number;
  sessionsPerUser: number;
  operationsPerSession: number;
  connections: number;
  sessionsPerConnection: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  log: Log;
}

export interface PrefillFigures {
  rows: { users: number; sessions: number; operations: number; seconds: number };
  throughput: ThroughputResult[];
  ratios: Record<string, { rps: number; p99: number }>;
  /** The claim statement (32 session heads waiting), in a rolled-back transaction, ms. */
  claimMs: { empty: ReturnType<typeof summary>; prefilled: ReturnType<typeof summary> };
  plans: Record<string, string>;
}

const target = (s: Storage) => (s.mode === 'postgres' ? { url: s.url } : { dataDir: s.dataDir });

// Deterministic ids (md5 of a counter), so sessions and operations find their user.
const PREFILL_SQL = (users: number, perUser: number, perSession: number) => [
  `INSERT INTO users (id, email, password_hash, full_name, created_at, updated_at)
   SELECT md5('u' || i)::uuid, 'prefill-' || i || '@example.com', 'not-a-hash', 'Prefilled user',
          now() - interval '60 days', now() - interval '60 days'
     FROM generate_series(1, ${users}) i`,
  `INSERT INTO job_postings (id, user_id, title, description, created_at, updated_at)
   SELECT md5('p' || i)::uuid, md5('u' || i)::uuid, 'Backend engineer', 'Build and run APIs.',
          now() - interval '60 days', now() - interval '60 days'
     FROM generate_series(1, ${users}) i`,
  `INSERT INTO interview_sessions (id, user_id, job_posting_id, status, question_count, created_at, updated_at)
   SELECT md5('s' || s)::uuid, md5('u' || ((s - 1) / ${perUser} + 1))::uuid,
          md5('p' || ((s - 1) / ${perUser} + 1))::uuid, 'completed', ${perSession},
          now() - interval '30 days', now() - interval '30 days'
     FROM generate_series(1, ${users * perUser}) s`,
  // Finished operations spread over 30 days, every other one with an idempotency key.
  `INSERT INTO operations (user_id, session_id, operation_type, status, result, attempts,
                           idempotency_key, started_at, finished_at, created_at, updated_at)
   SELECT md5('u' || ((o - 1) / ${perUser * perSession} + 1))::uuid,
          md5('s' || ((o - 1) / ${perSession} + 1))::uuid, 'question_generation',
          CASE WHEN o % 20 = 0 THEN 'failed' ELSE 'completed' END,
          CASE WHEN o % 20 = 0 THEN NULL
               ELSE '{"question_text":"Prefilled question?","question_type":"technical"}'::jsonb END,
          1, CASE WHEN o % 2 = 0 THEN 'key-' || o END,
          t, t + interval '2 seconds', t, t + interval '2 seconds'
     FROM generate_series(1, ${users * perUser * perSession}) o,
          LATERAL (SELECT now() - interval '30 days'
                          + (o * (30 * 86400.0 / ${users * perUser * perSession})) * interval '1 second' AS t) x`,
  `INSERT INTO generation_quota (user_id, window_start, used)
   SELECT md5('u' || i)::uuid, now() - interval '2 days', 3 FROM generate_series(1, ${users}) i`,
  'ANALYZE',
];

async function startSeeded(o: PrefillOptions, storage: Storage, name: 'empty' | 'prefilled') {
  const port = await freePort();
  const child = await startService({ root: o.root, storage, port });
  const seed = await seedService(port, o.connections * o.sessionsPerConnection);
  const sessionsOf = (i: number) =>
    seed.sessionIds.slice(i * o.sessionsPerConnection, (i + 1) * o.sessionsPerConnection);
  const ids: string[] = [];
  for (let i = 0; i < o.connections; i++) {
    const op = await expectStatus<{ id: string }>(
      202,
      port,
      'POST',
      `/api/v1/sessions/${sessionsOf(i)[0]}/generate-question`,
      { token: seed.token },
    );
    ids.push(op.id);
  }
  if (!(await waitDrained(port, 120_000))) throw new Error(`${name}: the queue did not drain`);
  const bearer = { authorization: `Bearer ${seed.token}` };
  return {
    child,
    seed,
    target: {
      server: name,
      port,
      settle: async () => {
        if (!(await waitDrained(port, 300_000))) throw new Error(`${name}: not drained`);
      },
      requests: {
        'generate-question': (i: number) =>
          sessionsOf(i).map((s) => ({
            path: `/api/v1/sessions/${s}/generate-question`,
            headers: bearer,
          })),
        'get-operation': (i: number) => [
          { path: `/api/v1/operations/${ids[i] ?? ''}`, headers: bearer },
        ],
      },
    },
  };
}

/** Times the claim with 32 session heads waiting, each in a transaction rolled back. */
async function timeClaim(q: SqlQuery, sessionIds: string[], runs: number) {
  const sessions = sessionIds.slice(0, 32);
  await q(
    `INSERT INTO operations (user_id, session_id)
     SELECT s.user_id, s.id FROM interview_sessions s WHERE s.id = ANY($1::uuid[])`,
    [sessions],
  );
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    await q('BEGIN');
    const t0 = performance.now();
    await q(CLAIM_SQL, ['bench-claim', 32, 15_000]);
    ms.push(performance.now() - t0);
    await q('ROLLBACK');
  }
  return { ms: summary(ms.slice(Math.min(5, runs - 1))), sessions };
}

async function explain(q: SqlQuery, sql: string, params: unknown[]): Promise<string> {
  await q('BEGIN');
  try {
    const rows = await q<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`,
      params,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await q('ROLLBACK');
  }
}

export async function prefillPhase(o: PrefillOptions): Promise<PrefillFigures> {
  const sessions = o.users * o.sessionsPerUser;
  const operations = sessions * o.operationsPerSession;
  // Migrate the database by starting the service once, then fill it while nothing runs.
  const first = await startService({ root: o.root, storage: o.full, port: await freePort() });
  await first.stop();
  o.log(`prefill: ${operations} operations over ${sessions} sessions of ${o.users} users`);
  const started = Date.now();
  await withStorage(target(o.full), async (q) => {
    for (const sql of PREFILL_SQL(o.users, o.sessionsPerUser, o.operationsPerSession)) await q(sql);
  });
  const seconds = round((Date.now() - started) / 1000, 1);
  o.log(`prefill: done in ${seconds} s`);

  const empty = await startSeeded(o, o.empty, 'empty');
  const full = await startSeeded(o, o.full, 'prefilled');
  let results: ThroughputResult[];
  try {
    const quiet = quietStep([o.empty, o.full]);
    results = await throughput([empty.target, full.target], { ...o, quiet }, o.log);
  } finally {
    await empty.child.stop();
    await full.child.stop();
  }
  await sleep(100);
  const claim = async (s: Storage, ids: string[]) =>
    withStorage(target(s), (q) => timeClaim(q, ids, 35));
  const claimEmpty = await claim(o.empty, empty.seed.sessionIds);
  const claimFull = await claim(o.full, full.seed.sessionIds);

  const plans = await withStorage(target(o.full), async (q) => {
    const [user] = await q<{ id: string; session: string }>(
      `SELECT md5('u' || 4242)::uuid::text AS id, md5('s' || 42420)::uuid::text AS session`,
    );
    await q(`UPDATE interview_sessions SET status = 'active' WHERE id = $1`, [user!.session]);
    return {
      'rate limit and insert (the 202)': await explain(q, ENQUEUE_SQL, [
        user!.session,
        user!.id,
        30,
        null,
      ]),
      'idempotency lookup': await explain(q, IDEMPOTENCY_SQL, [
        user!.id,
        `key-${(4242 - 1) * o.sessionsPerUser * o.operationsPerSession + 2}`,
      ]),
      'claim (32 sessions waiting)': await explain(q, CLAIM_SQL, ['bench-claim', 32, 15_000]),
    };
  });

  const ratios: PrefillFigures['ratios'] = {};
  for (const endpoint of ['generate-question', 'get-operation'] as const) {
    const e = results.find((r) => r.server === 'empty' && r.endpoint === endpoint)?.figures;
    const f = results.find((r) => r.server === 'prefilled' && r.endpoint === endpoint)?.figures;
    if (e && f) ratios[endpoint] = { rps: round(f.rps / e.rps, 2), p99: round(f.p99 / e.p99, 2) };
  }
  return {
    rows: { users: o.users, sessions, operations, seconds },
    throughput: results,
    ratios,
    claimMs: { empty: claimEmpty.ms, prefilled: claimFull.ms },
    plans,
  };
}

export function renderPrefill(f: PrefillFigures, mode: string): string {
  const row = (r: ThroughputResult) =>
    `| ${r.endpoint} | ${r.server} | ${r.figures.rps} | ${r.figures.p50} | ${r.figures.p99} | ${r.perRound.map((x) => x.rps).join(' / ')} |`;
  return [
    `Pre-filled database (${mode}): ${f.rows.operations} finished operations, ${f.rows.sessions} sessions, ${f.rows.users} users (filled in ${f.rows.seconds} s), against an empty one, alternately`,
    '',
    '| scenario | database | req/s | p50 ms | p99 ms | req/s per round |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...f.throughput.map(row),
    '',
    ...Object.entries(f.ratios).map(
      ([k, v]) => `- ${k}: prefilled / empty req/s ${v.rps}x, p99 ${v.p99}x`,
    ),
    `- claim, 32 sessions waiting: median ${f.claimMs.empty.p50} ms empty, ${f.claimMs.prefilled.p50} ms prefilled (p95 ${f.claimMs.empty.p95} / ${f.claimMs.prefilled.p95})`,
    '',
    ...Object.entries(f.plans).flatMap(([k, plan]) => [`${k}:`, '', '```', plan, '```', '']),
  ].join('\n');
}

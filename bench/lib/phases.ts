import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuDelta, type CpuReading } from './cpu.js';
import { expectStatus, request } from './http.js';
import { combine, runLoad, type LoadFigures, type LoadRun } from './load.js';
import { freePort } from './processes.js';
import {
  createSession,
  ensureBuilt,
  readCounters,
  startService,
  waitDrained,
  type Counters,
  type Storage,
} from './service.js';
import { createDatabase, type SqlQuery } from './storage.js';
import { median, round, summary } from './stats.js';

export type Log = (line: string) => void;
export type Server = 'ours' | 'floor' | 'floor+notify' | 'empty' | 'prefilled';
export type Endpoint = 'generate-question' | 'get-operation';
type Requests = Array<{ path: string; headers: Record<string, string> }>;

export interface Target {
  server: Server;
  port: number;
  requests: Partial<Record<Endpoint, (connection: number) => Requests>>;
  /** Runs after each load on this target (ours: wait until its queue is drained). */
  settle?: () => Promise<void>;
  /** Sees every run, warm-ups included (ours: counts the 202s). */
  onRun?: (endpoint: Endpoint, run: LoadRun) => void;
  /** Reads the CPU used so far by the server and its database backends. */
  readCpu?: () => Promise<CpuReading>;
}

export interface ThroughputResult {
  server: Server;
  endpoint: Endpoint;
  figures: LoadFigures;
  perRound: LoadFigures[];
}

/**
 * Every target under the same load, alternately: round r runs the targets in
 * order, round r+1 in reverse, so a drift in the machine's speed over the run
 * falls on both sides of a ratio. A warm-up run of each comes first, unrecorded.
 */
export async function throughput(
  targets: Target[],
  o: {
    connections: number;
    durationS: number;
    warmupS: number;
    rounds: number;
    /** Runs before each load (PostgreSQL: VACUUM (ANALYZE), see quietStep). */
    quiet?: () => Promise<void>;
  },
  log: Log,
): Promise<ThroughputResult[]> {
  const endpoints: Endpoint[] = ['generate-question', 'get-operation'];
  const runs = new Map<string, LoadRun[]>();
  const once = async (t: Target, endpoint: Endpoint, durationS: number) => {
    const requestsFor = t.requests[endpoint];
    if (!requestsFor) return undefined;
    const method = endpoint === 'generate-question' ? 'POST' : 'GET';
    await o.quiet?.();
    const before = await t.readCpu?.();
    const run = await runLoad({
      port: t.port,
      connections: o.connections,
      durationS,
      method,
      requestsFor,
    });
    const after = await t.readCpu?.();
    if (before && after) {
      const d = cpuDelta(before, after);
      run.serverCpuMs = d.serverMs;
      run.dbCpuMs = d.dbMs;
    }
    t.onRun?.(endpoint, run);
    await t.settle?.();
    return run;
  };
  if (o.warmupS > 0) {
    for (const endpoint of endpoints) {
      for (const t of targets) {
        if (!t.requests[endpoint]) continue;
        log(`warm-up: ${endpoint} on ${t.server}, ${o.warmupS} s`);
        await once(t, endpoint, o.warmupS);
      }
    }
  }
  for (let r = 0; r < o.rounds; r++) {
    const order = r % 2 === 0 ? targets : [...targets].reverse();
    for (const endpoint of endpoints) {
      for (const t of order) {
        if (!t.requests[endpoint]) continue;
        const run = await once(t, endpoint, o.durationS);
        if (!run) continue;
        const f = combine([run]);
        log(
          `round ${r + 1}/${o.rounds}: ${endpoint} on ${t.server}: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms` +
            (f.errors + f.non2xx > 0 ? `, ${f.errors} errors, ${f.non2xx} non-2xx` : ''),
        );
        const key = `${t.server} ${endpoint}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
      }
    }
  }
  const out: ThroughputResult[] = [];
  for (const endpoint of endpoints) {
    for (const t of targets) {
      const list = runs.get(`${t.server} ${endpoint}`);
      if (!list) continue;
      out.push({
        server: t.server,
        endpoint,
        figures: combine(list),
        perRound: list.map((run) => combine([run])),
      });
    }
  }
  return out;
}

export interface EndToEnd {
  samples: number;
  completed: number;
  failed: number;
  /** POST sent -> completed operation received through GET ?wait=10. */
  e2e: ReturnType<typeof summary>;
  /** POST sent -> 202 received. */
  accepted: ReturnType<typeof summary>;
  sessionIds: string[];
  /** operation_pickup_latency_seconds over this phase: the bucket holding the median, in ms. */
  pickupMetricsP50UpperMs: number | null;
}

/**
 * One client, one question at a time, on an idle server: POST, then long-poll
 * GET ?wait=10 until the operation is terminal. A fresh session every
 * `perSession` questions, as interviews are a handful of questions long.
 */
export async function endToEnd(
  port: number,
  token: string,
  postingId: string,
  samples: number,
  perSession: number,
): Promise<EndToEnd> {
  const e2e: number[] = [];
  const accepted: number[] = [];
  const sessionIds: string[] = [];
  let completed = 0;
  let failed = 0;
  const before = await readCounters(port);
  let session = '';
  for (let i = 0; i < samples; i++) {
    if (i % perSession === 0) {
      session = await createSession(port, token, postingId);
      sessionIds.push(session);
    }
    const t0 = performance.now();
    const op = await expectStatus<{ id: string }>(
      202,
      port,
      'POST',
      `/api/v1/sessions/${session}/generate-question`,
      { token },
    );
    accepted.push(performance.now() - t0);
    let status = 'pending';
    for (let poll = 0; poll < 3 && (status === 'pending' || status === 'processing'); poll++) {
      const res = await expectStatus<{ status: string }>(
        200,
        port,
        'GET',
        `/api/v1/operations/${op.id}?wait=10`,
        { token, timeoutMs: 15_000 },
      );
      status = res.status;
    }
    const ms = performance.now() - t0;
    if (status === 'completed') {
      completed++;
      e2e.push(ms);
    } else if (status === 'failed') failed++;
    else throw new Error(`operation ${op.id} still ${status} after 30 s of long-polling`);
  }
  const after = await readCounters(port);
  return {
    samples,
    completed,
    failed,
    e2e: summary(e2e),
    accepted: summary(accepted),
    sessionIds,
    pickupMetricsP50UpperMs: bucketMedianMs(before, after),
  };
}

function bucketMedianMs(before: Counters, after: Counters): number | null {
  const diff = after.pickupBuckets.map(([le, n], i) => [
    le,
    n - (before.pickupBuckets[i]?.[1] ?? 0),
  ]);
  const total = diff[diff.length - 1]?.[1] ?? 0;
  if (total <= 0) return null;
  const hit = diff.find(([, n]) => (n ?? 0) >= total / 2);
  return hit && Number.isFinite(hit[0]) ? (hit[0] ?? 0) * 1000 : null;
}

export interface ColdStart {
  launcher: 'npm start' | 'node dist/main.js';
  dataDir: 'empty' | 'existing';
  runsMs: number[];
  medianMs: number;
}

/**
 * Spawn to first 200 from GET /healthz. Empty: a new DATA_DIR (or a new
 * database) each run; existing: the storage the load ran against. A run that
 * had to build first (someone changed the sources meanwhile) is not counted.
 */
export async function coldStarts(
  o: {
    root: string;
    existing: Storage;
    adminUrl: string | undefined;
    runs: number;
    launchers: Array<ColdStart['launcher']>;
  },
  log: Log,
): Promise<ColdStart[]> {
  const out: ColdStart[] = [];
  for (const launcher of o.launchers) {
    for (const dataDir of ['empty', 'existing'] as const) {
      const runsMs: number[] = [];
      for (let attempt = 0; runsMs.length < o.runs && attempt < o.runs + 3; attempt++) {
        ensureBuilt(o.root, log);
        let storage = o.existing;
        let dispose = async () => {};
        if (dataDir === 'empty') {
          if (o.existing.mode === 'postgres' && o.adminUrl) {
            const db = await createDatabase(o.adminUrl, '_cold');
            storage = { mode: 'postgres', url: db.url };
            dispose = db.drop;
          } else {
            const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
            storage = { mode: 'embedded', dataDir: dir };
            dispose = async () => rmSync(dir, { recursive: true, force: true });
          }
        }
        try {
          const port = await freePort();
          const child = await startService({
            root: o.root,
            storage,
            port,
            via: launcher === 'npm start' ? 'npm' : 'node',
          });
          const built = /Building/.test(child.output());
          await child.stop();
          if (built) log(`cold start (${launcher}, ${dataDir}): it built first; run not counted`);
          else runsMs.push(round(child.readyMs, 0));
        } finally {
          await dispose();
        }
      }
      log(
        `cold start (${launcher}, ${dataDir} ${o.existing.mode === 'postgres' ? 'database' : 'DATA_DIR'}): ${runsMs.join(', ')} ms`,
      );
      out.push({ launcher, dataDir, runsMs, medianMs: round(median(runsMs), 0) });
    }
  }
  return out;
}

export interface TerminalCheck {
  operations: number;
  byStatus: Record<string, number>;
  nonTerminal: number;
  /** 202s the bench received; every one must have its row. */
  accepted: number;
  pickupE2e: ReturnType<typeof summary>;
  pickupAll: ReturnType<typeof summary>;
}

/** After the run: every operation is completed or failed; pickup times from the rows. */
export async function terminalCheck(
  query: SqlQuery,
  accepted: number,
  e2eSessions: string[],
): Promise<TerminalCheck> {
  const rows = await query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM operations GROUP BY status',
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const operations = rows.reduce((a, r) => a + r.n, 0);
  const nonTerminal = operations - (byStatus.completed ?? 0) - (byStatus.failed ?? 0);
  const pickup = async (where: string, params: unknown[]) =>
    (
      await query<{ ms: number }>(
        `SELECT (extract(epoch FROM started_at - created_at) * 1000)::float8 AS ms
           FROM operations WHERE started_at IS NOT NULL ${where}`,
        params,
      )
    ).map((r) => r.ms);
  return {
    operations,
    byStatus,
    nonTerminal,
    accepted,
    pickupE2e: summary(await pickup('AND session_id = ANY($1::uuid[])', [e2eSessions])),
    pickupAll: summary(await pickup('', [])),
  };
}

/** Long-polls each operation until it is terminal; returns the rows as the API shows them. */
export async function awaitOperations(
  port: number,
  token: string,
  ids: string[],
): Promise<Array<{ id: string; status: string; result: unknown }>> {
  const out = [];
  for (const id of ids) {
    let op = { id, status: 'pending', result: null as unknown };
    for (
      let poll = 0;
      poll < 3 && (op.status === 'pending' || op.status === 'processing');
      poll++
    ) {
      const res = await request<typeof op>(port, 'GET', `/api/v1/operations/${id}?wait=10`, {
        token,
        timeoutMs: 15_000,
      });
      if (res.status !== 200) throw new Error(`GET operation ${id}: ${res.status}`);
      op = res.body;
    }
    out.push(op);
  }
  return out;
}

export { waitDrained };

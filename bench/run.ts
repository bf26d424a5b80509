// npm run bench: the 202 path, the operation GET, pickup, end-to-end, cold start and
// peak RSS of the service, against a floor server measured alternately in the same run.
// Embedded storage by default; PostgreSQL when DATABASE_URL is set (a fresh database
// is created on that server and dropped at the end). See README.md, "Performance".
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, onCleanup } from './lib/cleanup.js';
import { startFloor } from './lib/floor.js';
import { closeAgent, expectStatus } from './lib/http.js';
import {
  awaitOperations,
  coldStarts,
  endToEnd,
  terminalCheck,
  throughput,
  type Target,
} from './lib/phases.js';
import { freePort, memoryMb, sampleRss } from './lib/processes.js';
import { renderProfile, summariseProfile } from './lib/profile.js';
import { renderTables, targets, type Figures, type Mode } from './lib/report.js';
import {
  ensureBuilt,
  readCounters,
  seedService,
  startService,
  type Counters,
  waitDrained,
  type Storage,
} from './lib/service.js';
import { backendsCpuMs, processCpuMs, type CpuReading } from './lib/cpu.js';
import {
  connect,
  createDatabase,
  databaseOf,
  quietStep,
  withStorage,
  type SqlQuery,
} from './lib/storage.js';
import { runLoad } from './lib/load.js';
import { prefill, selectedPhases, slowModel, type PhaseContext } from './lib/extra-phases.js';

const env = process.env;
const smoke = env.BENCH_SMOKE === '1';
function num(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
  return n;
}
const cfg = {
  durationS: num('BENCH_DURATION_S', smoke ? 2 : 10),
  warmupS: num('BENCH_WARMUP_S', smoke ? 1 : 3),
  rounds: Math.max(1, num('BENCH_ROUNDS', smoke ? 1 : 2)),
  connections: Math.max(1, num('BENCH_CONNECTIONS', 32)),
  sessionsPerConnection: Math.max(1, num('BENCH_SESSIONS_PER_CONNECTION', smoke ? 4 : 16)),
  // 0: each connection cycles through sessions of its own. N: N sessions in all, every
  // connection cycling through all of them from its own starting point, as an outside
  // load generator spreading its POSTs over N sessions does.
  sessions: num('BENCH_SESSIONS', 0),
  e2eSamples: Math.max(1, num('BENCH_E2E_SAMPLES', smoke ? 20 : 200)),
  coldRuns: num('BENCH_COLD_RUNS', smoke ? 1 : 3),
  drainTimeoutS: num('BENCH_DRAIN_TIMEOUT_S', 300),
  poolSize: num('DATABASE_POOL_SIZE', 16),
  keep: env.BENCH_KEEP === '1',
};
const adminUrl = env.DATABASE_URL || undefined;
const mode: Mode = adminUrl ? 'postgres' : 'embedded';
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const began = Date.now();
const log = (line: string) =>
  process.stderr.write(
    `[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  );

async function newStorage(suffix: string): Promise<Storage> {
  if (adminUrl) {
    const db = await createDatabase(adminUrl, suffix);
    if (!cfg.keep) onCleanup(db.drop);
    log(`database ${db.name}`);
    return { mode: 'postgres', url: db.url };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench${suffix}-`));
  if (!cfg.keep) onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return { mode: 'embedded', dataDir: dir };
}

async function machine(): Promise<string> {
  const cpus = os.cpus();
  let storage = 'embedded PostgreSQL (PGlite) in a temporary DATA_DIR';
  if (adminUrl) {
    const version = await withStorage({ url: adminUrl }, (q) =>
      q<{ v: string }>(`SELECT current_setting('server_version') AS v`),
    );
    storage = `PostgreSQL ${version[0]?.v ?? '?'} at ${new URL(adminUrl).host}`;
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return (
    `${cpus.length} x ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
    `Linux ${os.release()}, node ${process.version}; ${storage}; load average at start ${load}`
  );
}

const sessionCount = cfg.sessions > 0 ? cfg.sessions : cfg.connections * cfg.sessionsPerConnection;
function sessionsOf(ids: string[], i: number): string[] {
  if (cfg.sessions === 0)
    return ids.slice(i * cfg.sessionsPerConnection, (i + 1) * cfg.sessionsPerConnection);
  const start = Math.floor((i * ids.length) / cfg.connections);
  return [...ids.slice(start), ...ids.slice(0, start)];
}

/** Starts ours, seeds it and completes one operation per connection (what GET reads). */
interface Drain {
  accepted: number;
  finishedDuringLoad: number;
  backlog: number;
  drainS: number;
  drainPerS: number | null;
}

async function startSeeded(storage: Storage, cpuProfDir?: string) {
  const port = await freePort();
  log(`starting the service (${mode}${cpuProfDir ? ', --cpu-prof' : ''})`);
  const child = await startService({
    root,
    storage,
    port,
    cpuProfDir,
    env: {
      DATABASE_POOL_SIZE: String(cfg.poolSize),
      // For experiments with V8's heap sizing: `BENCH_SERVICE_NODE_OPTIONS=--max-old-space-size=96`.
      ...(env.BENCH_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: env.BENCH_SERVICE_NODE_OPTIONS } : {}),
    },
  });
  const atStartMb = memoryMb(child.pid, 'VmHWM');
  log(`ready in ${Math.round(child.readyMs)} ms; seeding ${sessionCount} sessions`);
  const seed = await seedService(port, sessionCount);
  const ids: string[] = [];
  for (let i = 0; i < cfg.connections; i++) {
    const session = sessionsOf(seed.sessionIds, i)[0];
    const op = await expectStatus<{ id: string }>(
      202,
      port,
      'POST',
      `/api/v1/sessions/${session}/generate-question`,
      { token: seed.token },
    );
    ids.push(op.id);
  }
  const readable = await awaitOperations(port, seed.token, ids);
  const sample = readable.find((o) => o.status === 'completed');
  if (!sample) throw new Error(`no seeded operation completed: ${JSON.stringify(readable[0])}`);
  const bearer = { authorization: `Bearer ${seed.token}` };
  const requests: Target['requests'] = {
    'generate-question': (i) =>
      sessionsOf(seed.sessionIds, i).map((s) => ({
        path: `/api/v1/sessions/${s}/generate-question`,
        headers: bearer,
      })),
    'get-operation': (i) => [{ path: `/api/v1/operations/${ids[i] ?? ''}`, headers: bearer }],
  };
  // The worker's throughput: what it finished while a load ran, and how fast it then
  // drained the backlog (a POST load accepts far more than it can generate meanwhile).
  const drains: Drain[] = [];
  let before = await readCounters(port);
  const drain = async () => {
    const atEnd = await readCounters(port);
    const t0 = performance.now();
    if (!(await waitDrained(port, cfg.drainTimeoutS * 1000))) {
      throw new Error(`the queue did not drain within ${cfg.drainTimeoutS} s`);
    }
    const drainedS = (performance.now() - t0) / 1000;
    const after = await readCounters(port);
    const done = (c: Counters) => c.completed + c.failed;
    const d: Drain = {
      accepted: atEnd.created - before.created,
      finishedDuringLoad: done(atEnd) - done(before),
      backlog: atEnd.created - done(atEnd),
      drainS: Math.round(drainedS * 10) / 10,
      drainPerS: drainedS > 0 ? Math.round((done(after) - done(atEnd)) / drainedS) : null,
    };
    before = after;
    if (d.accepted > 0) {
      drains.push(d);
      log(
        `worker: ${d.finishedDuringLoad} of ${d.accepted} finished during the load; backlog ${d.backlog} drained in ${d.drainS} s (${String(d.drainPerS ?? '-')}/s)`,
      );
    }
  };
  return { child, port, seed, atStartMb, sample, requests, drain, drains, seededOps: ids.length };
}

async function benchmark(): Promise<number> {
  const host = await machine();
  const header = `${mode} mode; ${host}\n${cfg.connections} connections, ${cfg.durationS} s x ${cfg.rounds} rounds after ${cfg.warmupS} s warm-up; ${cfg.sessions > 0 ? `POSTs spread over ${cfg.sessions} sessions shared by all connections` : `${cfg.sessionsPerConnection} sessions per connection`}; pool ${cfg.poolSize}; autocannon 8`;
  const storage = await newStorage('');
  const floorStorage = await newStorage('_floor');
  const ours = await startSeeded(storage);
  let accepted = ours.seededOps;

  const floorPort = await freePort();
  log('starting the floor');
  const floor = await startFloor({
    root,
    storage: floorStorage,
    port: floorPort,
    sessions: sessionCount,
    poolSize: cfg.poolSize,
    sampleResult: ours.sample.result,
  });
  const rssDuringLoad = sampleRss(ours.child.pid);
  let admin: SqlQuery | undefined;
  if (adminUrl) {
    const conn = await connect(adminUrl);
    onCleanup(() => conn.end());
    admin = conn.query;
  }
  const cpuOf = (pid: number, s: Storage) => async (): Promise<CpuReading> => ({
    server: processCpuMs(pid),
    db: admin && s.mode === 'postgres' ? await backendsCpuMs(admin, databaseOf(s.url)) : null,
  });
  const trusted = { 'x-user-id': floor.seed.userId };
  const floorPost = (extra: Record<string, string>) => (i: number) =>
    sessionsOf(floor.seed.sessionIds, i).map((s) => ({
      path: `/api/v1/sessions/${s}/generate-question`,
      headers: { ...trusted, ...extra },
    }));
  const results = await throughput(
    [
      {
        server: 'ours',
        port: ours.port,
        requests: ours.requests,
        settle: ours.drain,
        readCpu: cpuOf(ours.child.pid, storage),
        onRun: (endpoint, run) => {
          if (endpoint === 'generate-question') accepted += run.statuses['202'] ?? 0;
        },
      },
      {
        server: 'floor',
        port: floorPort,
        readCpu: cpuOf(floor.child.pid, floorStorage),
        requests: {
          'generate-question': floorPost({}),
          'get-operation': (i) => [
            { path: `/api/v1/operations/${floor.seed.operationIds[i] ?? ''}`, headers: trusted },
          ],
        },
      },
      {
        server: 'floor+notify',
        port: floorPort,
        readCpu: cpuOf(floor.child.pid, floorStorage),
        requests: { 'generate-question': floorPost({ 'x-floor-notify': '1' }) },
      },
    ],
    {
      ...cfg,
      quiet: quietStep([storage, floorStorage]),
    },
    log,
  );

  log(`end-to-end: ${cfg.e2eSamples} questions, one at a time`);
  const e2e = await endToEnd(ours.port, ours.seed.token, ours.seed.postingId, cfg.e2eSamples, 5);
  accepted += e2e.samples;
  const rss = {
    oursAtStartMb: ours.atStartMb,
    oursPeakMb: memoryMb(ours.child.pid, 'VmHWM'),
    oursMaxSampledMb: rssDuringLoad.stop(),
    floorPeakMb: memoryMb(floor.child.pid, 'VmHWM'),
  };
  await floor.child.stop();
  const exit = await ours.child.stop();
  if (exit !== 0)
    log(`warning: the service exited with ${String(exit)} on SIGTERM\n${ours.child.output()}`);
  const check = await withStorage(
    storage.mode === 'postgres' ? { url: storage.url } : { dataDir: storage.dataDir },
    (q) => terminalCheck(q, accepted, e2e.sessionIds),
  );
  log(`operations: ${JSON.stringify(check.byStatus)}`);

  const cold =
    cfg.coldRuns > 0
      ? await coldStarts(
          {
            root,
            existing: storage,
            adminUrl,
            runs: cfg.coldRuns,
            launchers: smoke ? ['npm start'] : ['npm start', 'node dist/main.js'],
          },
          log,
        )
      : [];

  const figures: Figures = {
    mode,
    throughput: results,
    endToEnd: e2e,
    check,
    coldStarts: cold,
    rss,
  };
  process.stdout.write(`${JSON.stringify({ mode, scenario: 'run', machine: host, ...cfg })}\n`);
  printJsonLines(figures);
  for (const d of ours.drains) {
    process.stdout.write(
      `${JSON.stringify({ mode, scenario: 'worker-throughput', accepted_202: d.accepted, finished_during_load: d.finishedDuringLoad, backlog_at_end: d.backlog, drain_s: d.drainS, drain_ops_per_s: d.drainPerS })}\n`,
    );
  }
  process.stdout.write(`\n${renderTables(figures, header)}\n`);

  const problems: string[] = [];
  for (const r of results) {
    const f = r.figures;
    if (f.errors + f.timeouts + f.non2xx > 0) {
      problems.push(
        `${r.endpoint} on ${r.server}: ${f.errors} errors, ${f.timeouts} timeouts, ${f.non2xx} non-2xx ${JSON.stringify(f.statuses)}`,
      );
    }
  }
  if (check.nonTerminal > 0)
    problems.push(`${check.nonTerminal} operations were left non-terminal`);
  if (check.operations < accepted)
    problems.push(`${accepted} 202s but only ${check.operations} operations stored`);
  if (e2e.completed === 0) problems.push('no end-to-end sample completed');
  if (cfg.coldRuns > 0 && cold.some((c) => c.runsMs.length === 0))
    problems.push('a cold start was never measured');
  for (const p of problems) process.stderr.write(`BENCH BROKEN: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
}

function printJsonLines(f: Figures): void {
  const line = (o: object) => process.stdout.write(`${JSON.stringify({ mode: f.mode, ...o })}\n`);
  const base = { connections: cfg.connections, duration_s: cfg.durationS, rounds: cfg.rounds };
  for (const r of f.throughput) {
    const floor = f.throughput.find(
      (x) => x.server === 'floor' && x.endpoint === r.endpoint,
    )?.figures;
    line({
      scenario: r.endpoint,
      server: r.server,
      ...base,
      rps: r.figures.rps,
      p50_ms: r.figures.p50,
      p90_ms: r.figures.p90,
      p99_ms: r.figures.p99,
      max_ms: r.figures.max,
      requests: r.figures.requests,
      errors: r.figures.errors,
      timeouts: r.figures.timeouts,
      non2xx: r.figures.non2xx,
      statuses: r.figures.statuses,
      server_cpu_us_per_request: r.figures.serverCpuUs,
      db_cpu_us_per_request: r.figures.dbCpuUs,
      per_round_rps: r.perRound.map((x) => x.rps),
      per_round_p99_ms: r.perRound.map((x) => x.p99),
      ratio_to_floor_rps:
        floor && r.server !== 'floor'
          ? Math.round((r.figures.rps / floor.rps) * 100) / 100
          : undefined,
      ratio_to_floor_p99:
        floor && r.server !== 'floor'
          ? Math.round((r.figures.p99 / floor.p99) * 100) / 100
          : undefined,
    });
  }
  const c = f.check;
  line({
    scenario: 'pickup',
    source: 'operations.started_at - created_at, idle',
    n: c.pickupE2e.n,
    p50_ms: c.pickupE2e.p50,
    p95_ms: c.pickupE2e.p95,
    metrics_bucket_p50_le_ms: f.endToEnd.pickupMetricsP50UpperMs,
  });
  line({
    scenario: 'pickup-under-load',
    source: 'every operation of the run',
    n: c.pickupAll.n,
    p50_ms: c.pickupAll.p50,
    p95_ms: c.pickupAll.p95,
  });
  line({
    scenario: 'end-to-end',
    generator: 'offline',
    n: f.endToEnd.e2e.n,
    completed: f.endToEnd.completed,
    failed: f.endToEnd.failed,
    p50_ms: f.endToEnd.e2e.p50,
    p95_ms: f.endToEnd.e2e.p95,
    accepted_p50_ms: f.endToEnd.accepted.p50,
  });
  for (const cs of f.coldStarts) {
    line({
      scenario: 'cold-start',
      launcher: cs.launcher,
      storage: cs.dataDir,
      runs_ms: cs.runsMs,
      median_ms: cs.medianMs,
    });
  }
  line({
    scenario: 'peak-rss',
    ours_peak_mb: f.rss.oursPeakMb,
    ours_at_start_mb: f.rss.oursAtStartMb,
    ours_max_sampled_under_load_mb: f.rss.oursMaxSampledMb,
    floor_peak_mb: f.rss.floorPeakMb,
  });
  line({
    scenario: 'terminal-check',
    operations: c.operations,
    accepted_202: c.accepted,
    by_status: c.byStatus,
    non_terminal: c.nonTerminal,
  });
  line({
    scenario: 'targets',
    targets: targets(f).map((t) => ({
      name: t.name,
      applies: t.applies,
      value: t.value,
      limit: t.limit,
      verdict: t.verdict,
    })),
  });
}

/** BENCH_CPU_PROF=1: one profiled server under POST then GET load; self time per phase. */
async function profile(): Promise<number> {
  const storage = await newStorage('_prof');
  const dir = path.join(
    root,
    'bench',
    'profiles',
    `${mode}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  );
  mkdirSync(dir, { recursive: true });
  const ours = await startSeeded(storage, dir);
  const us = () => Number(process.hrtime.bigint() / 1000n);
  const windows: Array<[string, { fromUs: number; toUs: number }]> = [];
  for (const [endpoint, method] of [
    ['generate-question', 'POST'],
    ['get-operation', 'GET'],
  ] as const) {
    const fromUs = us();
    const run = await runLoad({
      port: ours.port,
      connections: cfg.connections,
      durationS: cfg.durationS,
      method,
      requestsFor: ours.requests[endpoint] ?? (() => []),
    });
    windows.push([
      `${endpoint} under load (${Math.round(run.latencies.length / run.durationS)} req/s while profiled)`,
      { fromUs, toUs: us() },
    ]);
    await ours.drain();
  }
  await ours.child.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  for (const [title, window] of windows) {
    process.stdout.write(
      `${renderProfile(title, summariseProfile(path.join(dir, file), window))}\n\n`,
    );
  }
  process.stdout.write(
    `profile: ${path.join(dir, file)} (open in Chrome DevTools or speedscope)\n`,
  );
  return 0;
}

let code = 1;
try {
  ensureBuilt(root, log);
  if (env.BENCH_CPU_PROF === '1') code = await profile();
  else {
    const phases = selectedPhases(env, smoke);
    const ctx: PhaseContext = { root, mode, smoke, newStorage, log, num };
    code = phases.has('main') ? await benchmark() : 0;
    if (phases.has('slow-model')) code = Math.max(code, await slowModel(ctx));
    if (phases.has('prefill')) code = Math.max(code, await prefill(ctx, cfg));
  }
} catch (err) {
  process.stderr.write(`BENCH BROKEN: ${(err as Error).stack ?? String(err)}\n`);
  code = 1;
} finally {
  await cleanup();
  closeAgent();
}
process.exit(code);

// Phases beside the main one (bench/run.ts): the slow model (one worker against a model
// answering after 2 s) and, only when asked for, the pre-filled database. BENCH_PHASES
// picks which run: `main,slow-model` by default; BENCH_PREFILL=1 adds `prefill`.
import { prefillPhase, renderPrefill } from './prefill.js';
import { renderSlowModel, slowModelPhase } from './slow-model.js';
import type { Storage } from './service.js';

type Log = (line: string) => void;

export interface PhaseContext {
  root: string;
  mode: 'embedded' | 'postgres';
  smoke: boolean;
  newStorage(suffix: string): Promise<Storage>;
  log: Log;
  num(name: string, fallback: number): number;
}

export function selectedPhases(env: NodeJS.ProcessEnv, smoke: boolean): Set<string> {
  const phases = new Set(
    (env.BENCH_PHASES || 'main,slow-model')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  );
  if (env.BENCH_PREFILL === '1') phases.add('prefill');
  // A million rows take minutes: never in the smoke run (CI).
  if (smoke) phases.delete('prefill');
  return phases;
}

export async function slowModel(ctx: PhaseContext): Promise<number> {
  const figures = await slowModelPhase({
    root: ctx.root,
    storage: await ctx.newStorage('_slow'),
    backlog: ctx.num('BENCH_SLOW_BACKLOG', ctx.smoke ? 150 : 2_400),
    delayMs: ctx.num('BENCH_SLOW_DELAY_MS', 2_000),
    probeRate: ctx.num('BENCH_SLOW_PROBE_RATE', 20),
    probeS: ctx.num('BENCH_SLOW_PROBE_S', ctx.smoke ? 2 : 10),
    log: ctx.log,
  });
  process.stdout.write(
    `${JSON.stringify({ mode: ctx.mode, scenario: 'slow-model', ...figures })}\n`,
  );
  process.stdout.write(`\n${renderSlowModel(figures, ctx.mode)}\n`);
  const lost = figures.backlog - (figures.byStatus.completed ?? 0);
  if (lost > 0) {
    process.stderr.write(
      `BENCH BROKEN: slow model: ${lost} of ${figures.backlog} operations did not complete ${JSON.stringify(figures.byStatus)}\n`,
    );
    return 1;
  }
  return 0;
}

export async function prefill(
  ctx: PhaseContext,
  load: {
    connections: number;
    sessionsPerConnection: number;
    durationS: number;
    warmupS: number;
    rounds: number;
  },
): Promise<number> {
  const figures = await prefillPhase({
    root: ctx.root,
    empty: await ctx.newStorage('_empty'),
    full: await ctx.newStorage('_prefill'),
    users: ctx.num('BENCH_PREFILL_USERS', 10_000),
    sessionsPerUser: ctx.num('BENCH_PREFILL_SESSIONS_PER_USER', 10),
    operationsPerSession: ctx.num('BENCH_PREFILL_OPERATIONS_PER_SESSION', 10),
    ...load,
    log: ctx.log,
  });
  process.stdout.write(
    `${JSON.stringify({ mode: ctx.mode, scenario: 'prefill', ...figures, throughput: figures.throughput.map((r) => ({ server: r.server, endpoint: r.endpoint, rps: r.figures.rps, p50_ms: r.figures.p50, p99_ms: r.figures.p99, per_round_rps: r.perRound.map((x) => x.rps) })) })}\n`,
  );
  process.stdout.write(`\n${renderPrefill(figures, ctx.mode)}\n`);
  const broken = figures.throughput.filter(
    (r) => r.figures.errors + r.figures.non2xx + r.figures.timeouts > 0,
  );
  for (const r of broken)
    process.stderr.write(
      `BENCH BROKEN: prefill: ${r.endpoint} on ${r.server}: errors or non-2xx ${JSON.stringify(r.figures.statuses)}\n`,
    );
  return broken.length > 0 ? 1 : 0;
}

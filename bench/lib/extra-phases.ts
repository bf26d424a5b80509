// Phases beside the main one (bench/run.ts): the slow model (one worker against a model
// answering after 2 s) and, only when asked for, the pre-filled database. BENCH_PHASES
// picks which run: `main,slow-model` by default; BENCH_PREFILL=1 adds `prefill`.
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

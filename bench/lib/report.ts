import type { ColdStart, EndToEnd, TerminalCheck, ThroughputResult } from './phases.js';
import { round } from './stats.js';

export type Mode = 'embedded' | 'postgres';

export interface Target {
  name: string;
  /** False: the target is set for the other mode; shown for information. */
  applies: boolean;
  value: number | null;
  limit: number;
  better: 'higher' | 'lower';
  unit: string;
  verdict: string;
}

function target(
  name: string,
  applies: boolean,
  value: number | null,
  limit: number,
  better: Target['better'],
  unit: string,
): Target {
  let verdict: string;
  if (value === null || !Number.isFinite(value)) verdict = 'not measured';
  else {
    const met = better === 'higher' ? value >= limit : value <= limit;
    const gap = Math.abs(value - limit);
    verdict = met
      ? 'met'
      : `missed by ${round(gap, unit === 'x' ? 2 : 1)}${unit} (${round((gap / limit) * 100, 0)}% ${better === 'higher' ? 'short' : 'over'})`;
  }
  if (!applies) verdict = `(${verdict}; target set for the other mode)`;
  return { name, applies, value, limit, better, unit, verdict };
}

export interface Figures {
  mode: Mode;
  throughput: ThroughputResult[];
  endToEnd: EndToEnd;
  check: TerminalCheck;
  coldStarts: ColdStart[];
  rss: {
    /** VmHWM once /healthz answered: the start-up peak (embedded: loading the template). */
    oursAtStartMb: number | null;
    /** VmHWM at the end of the load: the peak of the whole life, start-up included. */
    oursPeakMb: number | null;
    /** Highest VmRSS sampled every 250 ms during the load phases. */
    oursMaxSampledMb: number | null;
    floorPeakMb: number | null;
  };
}

export function ratios(results: ThroughputResult[], endpoint: string, floor = 'floor') {
  const ours = results.find((r) => r.server === 'ours' && r.endpoint === endpoint)?.figures;
  const base = results.find((r) => r.server === floor && r.endpoint === endpoint)?.figures;
  if (!ours || !base) return { rps: null, p99: null };
  return { rps: round(ours.rps / base.rps, 2), p99: round(ours.p99 / base.p99, 2) };
}

export function targets(f: Figures): Target[] {
  const pg = f.mode === 'postgres';
  const post = ratios(f.throughput, 'generate-question');
  const get = ratios(f.throughput, 'get-operation');
  const coldEmpty = f.coldStarts.find((c) => c.launcher === 'npm start' && c.dataDir === 'empty');
  // Both modes against their own floor: PostgreSQL's is the same kind of server, the
  // embedded floor a bare PGlite with no worker beside it.
  return [
    target('generate-question req/s vs floor', true, post.rps, pg ? 0.8 : 0.5, 'higher', 'x'),
    target('generate-question p99 vs floor', true, post.p99, pg ? 1.6 : 3, 'lower', 'x'),
    target('GET operation req/s vs floor', true, get.rps, 0.8, 'higher', 'x'),
    target('pickup median (202 -> processing)', true, f.check.pickupE2e.p50, 10, 'lower', ' ms'),
    target('end-to-end median (POST -> completed)', pg, f.endToEnd.e2e.p50, 25, 'lower', ' ms'),
    target(
      'cold start, npm start, empty DATA_DIR',
      !pg,
      coldEmpty?.medianMs ?? null,
      1200,
      'lower',
      ' ms',
    ),
    target(
      `peak RSS under load (${f.mode})`,
      true,
      f.rss.oursPeakMb,
      pg ? 150 : 350,
      'lower',
      ' MB',
    ),
  ];
}

const cell = (v: unknown) => (v === null || v === undefined || Number.isNaN(v) ? '-' : String(v));

function table(head: string[], rows: unknown[][]): string {
  const all = [head, ...rows.map((r) => r.map(cell))];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r: unknown[]) =>
    `| ${r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...all.slice(1).map(line),
  ].join('\n');
}

export function renderTables(f: Figures, header: string): string {
  const tp = table(
    [
      'scenario',
      'server',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'non-2xx',
      'x floor req/s',
      'x floor p99',
      'CPU us/req',
      'DB CPU us/req',
    ],
    f.throughput.map((r) => {
      const ratio =
        r.server === 'ours' ? ratios(f.throughput, r.endpoint) : { rps: null, p99: null };
      return [
        r.endpoint,
        r.server,
        r.figures.rps,
        r.figures.p50,
        r.figures.p99,
        r.figures.errors,
        r.figures.non2xx,
        ratio.rps,
        ratio.p99,
        r.figures.serverCpuUs,
        r.figures.dbCpuUs,
      ];
    }),
  );
  const e = f.endToEnd;
  const latency = table(
    ['measure', 'n', 'median ms', 'p95 ms', 'max ms'],
    [
      [
        'pickup, idle (started_at - created_at)',
        f.check.pickupE2e.n,
        f.check.pickupE2e.p50,
        f.check.pickupE2e.p95,
        f.check.pickupE2e.max,
      ],
      ['end-to-end (POST -> completed via ?wait=10)', e.e2e.n, e.e2e.p50, e.e2e.p95, e.e2e.max],
      [
        '202 alone, idle (POST -> 202)',
        e.accepted.n,
        e.accepted.p50,
        e.accepted.p95,
        e.accepted.max,
      ],
      [
        'pickup, all operations incl. backlog under load',
        f.check.pickupAll.n,
        f.check.pickupAll.p50,
        f.check.pickupAll.p95,
        f.check.pickupAll.max,
      ],
    ],
  );
  const cold = table(
    ['cold start', 'storage', 'runs ms', 'median ms'],
    f.coldStarts.map((c) => [c.launcher, c.dataDir, c.runsMs.join(', '), c.medianMs]),
  );
  const t = table(
    ['target', 'limit', 'measured', 'verdict'],
    targets(f).map((x) => [
      x.name,
      `${x.better === 'higher' ? '>=' : '<='} ${x.limit}${x.unit}`,
      x.value === null ? '-' : `${x.value}${x.unit}`,
      x.verdict,
    ]),
  );
  const c = f.check;
  return [
    header,
    '',
    tp,
    '',
    latency,
    `(pickup from /metrics over the idle phase: median in the bucket <= ${cell(e.pickupMetricsP50UpperMs)} ms; ` +
      `${e.completed} completed, ${e.failed} failed of ${e.samples})`,
    '',
    cold,
    '',
    `peak RSS (VmHWM): ours ${cell(f.rss.oursPeakMb)} MB (${cell(f.rss.oursAtStartMb)} MB once started, ` +
      `highest VmRSS sampled under load ${cell(f.rss.oursMaxSampledMb)} MB), floor ${cell(f.rss.floorPeakMb)} MB`,
    `operations: ${c.operations} rows for ${c.accepted} 202s, ${JSON.stringify(c.byStatus)}, non-terminal ${c.nonTerminal}`,
    '',
    t,
  ].join('\n');
}

import autocannon from 'autocannon';
import { percentile, round } from './stats.js';

export interface LoadSpec {
  port: number;
  connections: number;
  durationS: number;
  method: 'GET' | 'POST';
  /**
   * The requests connection i cycles through (each connection keeps its own
   * sessions, so one session's operations are not all queued behind each other).
   */
  requestsFor(i: number): Array<{ path: string; headers: Record<string, string> }>;
}

export interface LoadRun {
  durationS: number;
  /** Every answer's latency in ms, ascending, at sub-millisecond resolution. */
  latencies: Float64Array;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** CPU the server process and its database backends spent during the run (ms), when known. */
  serverCpuMs?: number | null;
  dbCpuMs?: number | null;
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Server process CPU per answered request, in microseconds (null when not measurable). */
  serverCpuUs: number | null;
  /** PostgreSQL backend CPU per answered request, in microseconds (embedded: inside serverCpuUs). */
  dbCpuUs: number | null;
}

/**
 * Closed-loop load with autocannon: `connections` keep-alive connections each
 * sending its next request when the previous answer arrives. Latency is kept
 * per answer (autocannon's own histogram has 1 ms buckets and leaves non-2xx out).
 */
export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  let next = 0;
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${spec.port}`,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 10,
    setupClient: (client) => {
      const requests = spec.requestsFor(next++ % spec.connections);
      client.setRequests(requests.map((r) => ({ method: spec.method, ...r })));
    },
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (n === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[n++] = ms;
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) {
    statuses[code] = Number(count);
  }
  return {
    durationS: result.duration,
    latencies: latencies.slice(0, n).sort(),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

/** Figures over several runs of one scenario: their answers pooled, their durations summed. */
export function combine(runs: LoadRun[]): LoadFigures {
  const total = runs.reduce((a, r) => a + r.latencies.length, 0);
  const pooled = new Float64Array(total);
  let at = 0;
  for (const r of runs) {
    pooled.set(r.latencies, at);
    at += r.latencies.length;
  }
  pooled.sort();
  const statuses: Record<string, number> = {};
  for (const r of runs) {
    for (const [code, count] of Object.entries(r.statuses)) {
      statuses[code] = (statuses[code] ?? 0) + count;
    }
  }
  const sum = (f: (r: LoadRun) => number) => runs.reduce((a, r) => a + f(r), 0);
  const perRequestUs = (f: (r: LoadRun) => number | null | undefined) =>
    runs.every((r) => typeof f(r) === 'number') && total > 0
      ? round((sum((r) => f(r) ?? 0) * 1000) / total, 0)
      : null;
  return {
    rps: round(total / sum((r) => r.durationS), 0),
    p50: round(percentile(pooled, 50)),
    p90: round(percentile(pooled, 90)),
    p99: round(percentile(pooled, 99)),
    max: round(pooled[total - 1] ?? NaN),
    requests: total,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    statuses,
    serverCpuUs: perRequestUs((r) => r.serverCpuMs),
    dbCpuUs: perRequestUs((r) => r.dbCpuMs),
  };
}

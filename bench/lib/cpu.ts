import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { SqlQuery } from './storage.js';

const ticksPerSecond = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** User plus system CPU time a process has used, in ms (Linux /proc; null elsewhere or when gone). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) / ticksPerSecond) * 1000;
  } catch {
    return null;
  }
}

/**
 * CPU used so far by the PostgreSQL backends serving `database`, when the server
 * runs on this machine; a delta of two readings prices the database side of a run.
 */
export async function backendsCpuMs(
  query: SqlQuery,
  database: string,
): Promise<Map<number, number>> {
  const rows = await query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** The CPU the backends used between two readings (a backend new in the second counts whole). */
export function backendsDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

export interface CpuReading {
  server: number | null;
  db: Map<number, number> | null;
}

/** CPU ms the server process and its database backends used between two readings. */
export function cpuDelta(
  a: CpuReading,
  b: CpuReading,
): { serverMs: number | null; dbMs: number | null } {
  return {
    serverMs: a.server !== null && b.server !== null ? b.server - a.server : null,
    dbMs: a.db && b.db ? backendsDelta(a.db, b.db) : null,
  };
}

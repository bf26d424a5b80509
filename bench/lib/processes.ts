import { readFileSync } from 'node:fs';
import net from 'node:net';
import {
  spawnProcess,
  waitForHealthz,
  type ChildService,
  type SpawnOptions as ProcessOptions,
} from '../../test/support/server-process.js';
import { trackGroup, untrackGroup } from './cleanup.js';

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildService['proc'];
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  readyMs: number;
  /** What it wrote to stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface SpawnOptions extends Omit<ProcessOptions, 'group'> {
  name: string;
  cwd: string;
  port: number;
  /** How long to wait for /healthz; the start counts as failed after that. */
  readyTimeoutMs?: number;
}

/**
 * Spawns a server in its own process group (killed however the bench ends, see cleanup.ts)
 * and resolves once GET /healthz answers 200 on its port.
 */
export async function spawnServer(o: SpawnOptions): Promise<Child> {
  const child = spawnProcess({ ...o, group: true });
  trackGroup(child.pid);
  const ready = await waitForHealthz(child, o.port, o.readyTimeoutMs ?? 60_000);
  const readyMs = child.sinceSpawnMs();
  const stop = async (graceMs = 20_000): Promise<number | null> => {
    const code = await child.stop('SIGTERM', graceMs);
    untrackGroup(child.pid);
    return code;
  };
  if (!ready) {
    const code = await stop(2_000);
    throw new Error(
      `${o.name} did not answer GET /healthz (exit ${String(code)}):\n${child.output().slice(-3_000)}`,
    );
  }
  return {
    name: o.name,
    pid: child.pid,
    process: child.proc,
    readyMs,
    output: child.output,
    stop,
  };
}

/** A /proc/<pid>/status field in MB (VmHWM: the peak resident set; VmRSS: now). */
export function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null; // not Linux, or the process is gone
  }
}

/** Samples VmRSS every intervalMs; stop() returns the highest value seen, in MB. */
export function sampleRss(pid: number, intervalMs = 250): { stop(): number | null } {
  let max: number | null = null;
  const take = () => {
    const mb = memoryMb(pid, 'VmRSS');
    if (mb !== null && (max === null || mb > max)) max = mb;
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return max;
    },
  };
}

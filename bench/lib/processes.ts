import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { killGroup, trackGroup, untrackGroup } from './cleanup.js';
import { request } from './http.js';

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  readyMs: number;
  /** The last few kilobytes of stdout and stderr, for error messages. */
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

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  port: number;
  /** How long to wait for /healthz; the start counts as failed after that. */
  readyTimeoutMs?: number;
  /** Called with every chunk of stdout (the floor prints its seed there). */
  onStdout?: (chunk: string) => void;
}

/** Spawns a server and resolves once GET /healthz answers 200 on its port. */
export async function spawnServer(o: SpawnOptions): Promise<Child> {
  const started = process.hrtime.bigint();
  const child = spawn(o.command, o.args, {
    cwd: o.cwd,
    env: o.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping `npm start` stops the server under it too.
    detached: true,
  });
  const pgid = child.pid ?? -1;
  trackGroup(pgid);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', (c: Buffer) => {
    keep(c);
    o.onStdout?.(c.toString('utf8'));
  });
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );

  const deadline = Date.now() + (o.readyTimeoutMs ?? 60_000);
  let readyMs = -1;
  while (Date.now() < deadline && exitCode === undefined) {
    const ok = await request(o.port, 'GET', '/healthz', { keepAlive: false, timeoutMs: 2_000 })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) {
      readyMs = Number(process.hrtime.bigint() - started) / 1e6;
      break;
    }
    await sleep(5);
  }
  /** SIGTERM to the group, then waits until every process in it is gone (SIGKILL after graceMs). */
  const stop = async (graceMs = 20_000): Promise<number | null> => {
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (killGroup(pgid, 0) && Date.now() < deadline) await sleep(20);
    if (killGroup(pgid, 'SIGKILL')) await sleep(100);
    untrackGroup(pgid);
    return exitCode === undefined ? await exited : exitCode;
  };
  if (readyMs < 0) {
    await stop(2_000);
    throw new Error(
      `${o.name} did not answer GET /healthz (exit ${String(exitCode)}):\n${tail.slice(-3_000)}`,
    );
  }
  return {
    name: o.name,
    pid: child.pid ?? -1,
    process: child,
    readyMs,
    output: () => tail,
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

// Every process the tests and the bench start (the API, the worker, the bench's floor,
// `npm start`) goes through spawnProcess: its output is kept, readiness is a log line or a
// 200 from /healthz, and stop() signals, waits, and kills only what is left after a grace.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Enough for any assertion on a test's logs; a long bench run keeps only its end.
const KEPT_OUTPUT_CHARS = 1_000_000;
const STOP_GRACE_MS = 30_000;

export interface SpawnOptions {
  /** The program (this Node by default) and its arguments. */
  command?: string;
  args: string[];
  /** The whole environment of the process; nothing is inherited. */
  env: Record<string, string | undefined>;
  cwd?: string;
  /** For error messages. */
  name?: string;
  /** Its own process group: stop() then ends what it started too (`npm start` runs node under it). */
  group?: boolean;
  /** Called with every chunk of stdout. */
  onStdout?: (chunk: string) => void;
}

export interface ChildService {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly pid: number;
  /** What it wrote to stdout and stderr, in order (the last megabyte). */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Milliseconds since it was spawned. */
  sinceSpawnMs(): number;
  /**
   * Sends `signal` (to the whole group with `group`), waits up to graceMs for it to end,
   * then SIGKILLs what is left; resolves with the exit code.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

export function spawnProcess(o: SpawnOptions): ChildService {
  const started = process.hrtime.bigint();
  const proc = spawn(o.command ?? process.execPath, o.args, {
    cwd: o.cwd ?? ROOT,
    env: o.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.group ?? false,
  });
  const pid = proc.pid ?? -1;
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 2 * KEPT_OUTPUT_CHARS) out = out.slice(-KEPT_OUTPUT_CHARS);
  };
  proc.stdout!.on('data', (chunk: Buffer) => {
    keep(chunk);
    o.onStdout?.(chunk.toString('utf8'));
  });
  proc.stderr!.on('data', keep);
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  const alive = () => (o.group ? signalGroup(pid, 0) : !ended);
  const send = (signal: NodeJS.Signals) =>
    o.group ? signalGroup(pid, signal) : !ended && proc.kill(signal);

  return {
    name: o.name ?? path.basename(o.args.at(-1) ?? o.command ?? 'node'),
    proc,
    pid,
    output: () => out.slice(-KEPT_OUTPUT_CHARS),
    exited,
    sinceSpawnMs: () => Number(process.hrtime.bigint() - started) / 1e6,
    async stop(signal = 'SIGTERM', graceMs = STOP_GRACE_MS) {
      send(signal);
      const deadline = Date.now() + graceMs;
      while (alive() && Date.now() < deadline) await Promise.race([exited, sleep(20)]);
      if (alive()) send('SIGKILL');
      return exited;
    },
  };
}

/** Resolves with the first match of `pattern` in the output; rejects if the process ends first. */
export function waitForOutput(
  child: ChildService,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(child.output());
      if (!match) return;
      done();
      resolve(match);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${child.name} wrote no ${pattern} in ${timeoutMs} ms:\n${child.output()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.proc.stdout!.off('data', check);
      child.proc.stderr!.off('data', check);
    };
    child.proc.stdout!.on('data', check);
    child.proc.stderr!.on('data', check);
    void child.exited.then((code) => {
      done();
      reject(new Error(`${child.name} exited with ${code} first:\n${child.output()}`));
    });
    check();
  });
}

const healthy = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2_000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });

/** Polls GET /healthz on the port until it answers 200; false if the process ends or time runs out. */
export async function waitForHealthz(
  child: ChildService,
  port: number,
  timeoutMs = 60_000,
): Promise<boolean> {
  let ended = false;
  void child.exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (!ended && Date.now() < deadline) {
    if (await healthy(port)) return true;
    await sleep(5);
  }
  return false;
}

export const tempDataDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'interview-data-'));

/**
 * Runs a service entry point as a real process: from the sources through tsx, or with
 * `built` from dist/ (which also serves the web UI; see test/e2e/support/build.ts).
 */
export function spawnService(
  entry: 'main' | 'worker',
  env: Record<string, string>,
  { built = false }: { built?: boolean } = {},
): ChildService {
  return spawnProcess({
    name: entry,
    args: built ? [`dist/${entry}.js`] : ['--import', 'tsx', `src/${entry}.ts`],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      // A hang guard (see test/support/harness.ts); tests of the budget set their own.
      LLM_TIMEOUT_MS: '120000',
      ...env,
    },
  });
}

export interface ServerProcess extends ChildService {
  url: string;
}

/** Starts the API and resolves once it logged its address (it accepts requests from then on). */
export async function startServer(
  env: Record<string, string>,
  options: { built?: boolean } = {},
): Promise<ServerProcess> {
  const child = spawnService('main', env, options);
  try {
    const [, url] = await waitForOutput(child, /listening on (http:\/\/[\d.:]+)/);
    return { ...child, url: url! };
  } catch (err) {
    await child.stop('SIGKILL');
    throw err;
  }
}

export async function api(
  url: string,
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
) {
  const res = await fetch(`${url}${pathname}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** A new user, logged in, with a job posting, on the API at `url`. */
export async function signUpWithPosting(
  url: string,
): Promise<{ token: string; postingId: string }> {
  const email = `user-${Date.now()}-${Math.random()}@example.com`;
  const password = 'long enough';
  await api(url, 'POST', '/api/v1/auth/register', { email, password, full_name: 'P' });
  const token = (await api(url, 'POST', '/api/v1/auth/login', { email, password })).json
    .access_token as string;
  const posting = await api(
    url,
    'POST',
    '/api/v1/job-postings',
    { title: 'Teacher', description: 'Year 5 class.' },
    token,
  );
  return { token, postingId: posting.json.id as string };
}

/**
 * Polls the operation with short long-polls until it is completed and returns it; throws
 * if it fails, or after timeoutMs (a hang guard: a process start may take long).
 */
export async function untilCompleted(
  url: string,
  token: string,
  opId: string,
  timeoutMs = 90_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const op = (await api(url, 'GET', `/api/v1/operations/${opId}?wait=5`, undefined, token)).json;
    if (op?.status === 'completed') return op;
    if (op?.status === 'failed' || Date.now() > deadline) {
      throw new Error(`operation ${opId} did not complete: ${JSON.stringify(op)}`);
    }
  }
}

// The slow-model phase: an OpenAI-compatible fake answering after 2 s, one worker process
// (`npm run worker` beside an API process with WORKER_IN_API=false; embedded mode: the
// API's own worker), a backlog of one question per session, and the 202 measured at a
// fixed rate while the worker is nearly idle and again while it is saturated.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  completion,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../../test/llm/fake-openai-server.js';
import { killGroup, trackGroup, untrackGroup } from './cleanup.js';
import { expectStatus, request } from './http.js';
import { freePort, memoryMb, sampleRss } from './processes.js';
import { createSession, seedService, serviceEnv, startService, type Storage } from './service.js';
import { round, summary } from './stats.js';

type Log = (line: string) => void;

export interface SlowModelOptions {
  root: string;
  storage: Storage;
  /** Operations in the backlog, one per session. */
  backlog: number;
  /** The model's answer time. */
  delayMs: number;
  /** The 202 probe: requests per second and seconds, before and during the backlog. */
  probeRate: number;
  probeS: number;
  log: Log;
}

export interface SlowModelFigures {
  backlog: number;
  delayMs: number;
  /** Completed per second between the 10th and the 90th percentile of completions. */
  steadyOpsPerS: number;
  /** Backlog size over the time from its first 202 to its last completion. */
  drainOpsPerS: number;
  byStatus: Record<string, number>;
  /** Calls the fake model received, and the most it had open at once. */
  modelRequests: number;
  modelMaxInFlight: number;
  worker: { process: string; peakRssMb: number | null; maxSampledRssMb: number | null };
  /** The 202 at a fixed rate: worker nearly idle, then saturated by the backlog. */
  probe: {
    rate: number;
    idle: ReturnType<typeof summary> & { non202: number };
    busy: ReturnType<typeof summary> & { non202: number };
  };
}

const QUESTION = completion(
  JSON.stringify({
    question_text:
      'Tell me about a time you kept a queue of background jobs draining while a dependency slowed down.',
    question_type: 'experience',
    focus: { requirement: 'job queues', evidence: null, summary: 'Queues under pressure.' },
  }),
);

/** The pid of the node process `npm run worker` started (a descendant of the npm process). */
function findNodeChild(pid: number): number | null {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (cmd.includes('start.mjs') && /^(\S*\/)?node\0/.test(cmd)) return p;
    stack.push(...children(p));
  }
  return null;
}

async function probe(
  port: number,
  token: string,
  sessions: string[],
  rate: number,
): Promise<{ latencies: number[]; non202: number; ids: string[] }> {
  const latencies: number[] = [];
  const ids: string[] = [];
  let non202 = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < sessions.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t0 = performance.now();
    inFlight.push(
      request<{ id: string }>(port, 'POST', `/api/v1/sessions/${sessions[i]}/generate-question`, {
        token,
      }).then((res) => {
        latencies.push(performance.now() - t0);
        if (res.status === 202) ids.push(res.body.id);
        else non202 += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  return { latencies, non202, ids };
}

/** Long-polls every operation until it is terminal (or the deadline passes). */
async function awaitAll(
  port: number,
  token: string,
  ids: string[],
  timeoutMs: number,
): Promise<Array<{ id: string; status: string; updated_at: string }>> {
  const deadline = Date.now() + timeoutMs;
  const out = [];
  for (const id of ids) {
    for (;;) {
      const res = await request<{ id: string; status: string; updated_at: string }>(
        port,
        'GET',
        `/api/v1/operations/${id}?wait=10`,
        { token, timeoutMs: 15_000 },
      );
      if (res.status !== 200) throw new Error(`GET operation ${id}: ${res.status}`);
      const terminal = res.body.status === 'completed' || res.body.status === 'failed';
      if (terminal || Date.now() > deadline) {
        out.push(res.body);
        break;
      }
    }
  }
  return out;
}

async function parallel<T>(n: number, items: T[], fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function slowModelPhase(o: SlowModelOptions): Promise<SlowModelFigures> {
  const model: FakeOpenAIServer = await startFakeOpenAIServer();
  model.replyByDefault({ ...QUESTION, delayMs: o.delayMs });
  const separate = o.storage.mode === 'postgres';
  const modelEnv = {
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'bench-key',
    MAX_SESSIONS_PER_USER: '0',
    ...(separate ? { WORKER_IN_API: 'false' } : {}),
  };
  const port = await freePort();
  const api = await startService({ root: o.root, storage: o.storage, port, env: modelEnv });
  let workerGroup: number | null = null;
  let workerPid = api.pid;
  try {
    if (separate) {
      // `npm run worker` exactly as documented, in a process group of its own.
      const child = spawn('npm', ['run', '--silent', 'worker'], {
        cwd: o.root,
        env: serviceEnv(o.storage, port, modelEnv) as NodeJS.ProcessEnv,
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      workerGroup = child.pid ?? null;
      if (workerGroup) trackGroup(workerGroup);
      for (let i = 0; i < 200; i++) {
        const pid = findNodeChild(child.pid ?? -1);
        if (pid) {
          workerPid = pid;
          break;
        }
        await sleep(25);
      }
    }
    const probeN = Math.max(1, Math.round(o.probeRate * o.probeS));
    o.log(`slow model: seeding ${o.backlog + 2 * probeN} sessions`);
    const seed = await seedService(port, 0);
    await parallel(8, Array.from({ length: o.backlog + 2 * probeN }), async () => {
      seed.sessionIds.push(await createSession(port, seed.token, seed.postingId));
    });
    const rss = sampleRss(workerPid);
    const idleSessions = seed.sessionIds.slice(0, probeN);
    const busySessions = seed.sessionIds.slice(probeN, 2 * probeN);
    const backlogSessions = seed.sessionIds.slice(2 * probeN);

    o.log(`slow model: the 202 at ${o.probeRate}/s for ${o.probeS} s, worker nearly idle`);
    const idle = await probe(port, seed.token, idleSessions, o.probeRate);
    await awaitAll(port, seed.token, idle.ids, 120_000);
    model.resetMaxInFlight();

    o.log(`slow model: a backlog of ${o.backlog}, model answering after ${o.delayMs} ms`);
    const backlogStarted = Date.now();
    const backlogIds: string[] = [];
    await parallel(8, backlogSessions, async (s) => {
      const op = await expectStatus<{ id: string }>(
        202,
        port,
        'POST',
        `/api/v1/sessions/${s}/generate-question`,
        { token: seed.token },
      );
      backlogIds.push(op.id);
    });
    const busy = await probe(port, seed.token, busySessions, o.probeRate);
    const rows = await awaitAll(
      port,
      seed.token,
      backlogIds,
      Math.max(120_000, o.backlog * o.delayMs),
    );
    await awaitAll(port, seed.token, busy.ids, 120_000);
    const maxSampled = rss.stop();
    const peak = memoryMb(workerPid, 'VmHWM');

    const byStatus: Record<string, number> = {};
    for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const done = rows
      .filter((r) => r.status === 'completed')
      .map((r) => Date.parse(r.updated_at))
      .sort((a, b) => a - b);
    const at = (q: number) => done[Math.min(done.length - 1, Math.floor(q * (done.length - 1)))]!;
    const steady = done.length > 10 ? (0.8 * (done.length - 1)) / ((at(0.9) - at(0.1)) / 1000) : 0;
    const drain = done.length > 0 ? done.length / ((done.at(-1)! - backlogStarted) / 1000) : 0;
    const figures: SlowModelFigures = {
      backlog: o.backlog,
      delayMs: o.delayMs,
      steadyOpsPerS: round(steady, 1),
      drainOpsPerS: round(drain, 1),
      byStatus,
      modelRequests: model.requests.length,
      modelMaxInFlight: model.maxInFlight,
      worker: {
        process: separate ? 'npm run worker' : 'npm start (worker in the API process)',
        peakRssMb: peak,
        maxSampledRssMb: maxSampled,
      },
      probe: {
        rate: o.probeRate,
        idle: { ...summary(idle.latencies), non202: idle.non202 },
        busy: { ...summary(busy.latencies), non202: busy.non202 },
      },
    };
    o.log(
      `slow model: ${figures.steadyOpsPerS} ops/s steady, ${figures.drainOpsPerS} ops/s drain; ` +
        `model max in flight ${figures.modelMaxInFlight}; worker peak RSS ${peak} MB`,
    );
    return figures;
  } finally {
    if (workerGroup) {
      killGroup(workerGroup, 'SIGTERM');
      for (let i = 0; i < 500 && killGroup(workerGroup, 0); i++) await sleep(20);
      killGroup(workerGroup, 'SIGKILL');
      untrackGroup(workerGroup);
    }
    await api.stop();
    await model.close();
  }
}

/** The table for the README. */
export function renderSlowModel(f: SlowModelFigures, mode: string): string {
  const p = f.probe;
  const line = (label: string, s: SlowModelFigures['probe']['idle']) =>
    `| ${label} | ${s.n} | ${round(s.p50, 1)} | ${round(s.p95, 1)} | ${round(s.max, 1)} | ${s.non202} |`;
  return [
    `Slow model (${mode}): backlog ${f.backlog} (one question per session), model answering after ${f.delayMs} ms, ${f.worker.process}`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| completed per second, steady (10th-90th percentile of completions) | ${f.steadyOpsPerS} |`,
    `| completed per second, whole drain | ${f.drainOpsPerS} |`,
    `| operations by status | ${JSON.stringify(f.byStatus)} |`,
    `| model calls / most in flight at once | ${f.modelRequests} / ${f.modelMaxInFlight} |`,
    `| worker peak RSS (VmHWM) / highest sampled MB | ${f.worker.peakRssMb} / ${f.worker.maxSampledRssMb} |`,
    '',
    `The 202 at ${p.rate} requests/s:`,
    '',
    '| worker | n | p50 ms | p95 ms | max ms | non-202 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    line('nearly idle', p.idle),
    line('saturated by the backlog', p.busy),
  ].join('\n');
}

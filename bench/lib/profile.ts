import { readFileSync } from 'node:fs';
import { round } from './stats.js';

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  /** Self time by function, highest first. */
  functions: Array<{ name: string; where: string; selfMs: number; pct: number }>;
  /** Self time by package (node_modules/<name>), service code, node internals, GC, idle. */
  groups: Array<{ group: string; selfMs: number; pct: number }>;
}

function groupOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('wasm://')) return 'PostgreSQL in WebAssembly (PGlite)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/')) return 'service code (dist/)';
  return 'other';
}

function where(url: string, line: number): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const short = path.includes('node_modules/')
    ? path.replace(/^.*?node_modules\//, '')
    : path.replace(/^.*\/dist\//, 'dist/');
  return `${short}:${line + 1}`;
}

/**
 * Self time of a V8 .cpuprofile (node --cpu-prof), optionally only the samples
 * within [fromUs, toUs] of the monotonic clock (process.hrtime, in microseconds).
 */
export function summariseProfile(
  file: string,
  window?: { fromUs: number; toUs: number },
  top = 25,
): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  const groups = new Map<string, number>();
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    const frame = byId.get(p.samples[i] ?? -1);
    if (!frame) continue;
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${frame.url}:${frame.lineNumber}`;
    const entry = self.get(key) ?? { name, where: where(frame.url, frame.lineNumber), us: 0 };
    entry.us += dt;
    self.set(key, entry);
    const g = groupOf(frame.url, name);
    groups.set(g, (groups.get(g) ?? 0) + dt);
    total += dt;
  }
  const pct = (us: number) => round((us / total) * 100, 1);
  return {
    sampledMs: round(total / 1000, 0),
    functions: [...self.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({
        name: e.name,
        where: e.where,
        selfMs: round(e.us / 1000, 0),
        pct: pct(e.us),
      })),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([group, us]) => ({ group, selfMs: round(us / 1000, 0), pct: pct(us) })),
  };
}

export function renderProfile(title: string, s: ProfileSummary): string {
  const lines = [`${title}: ${s.sampledMs} ms sampled`, '  self time by package:'];
  for (const g of s.groups.slice(0, 15))
    lines.push(`    ${String(g.pct).padStart(5)}%  ${g.group}`);
  lines.push('  top functions by self time:');
  for (const f of s.functions) {
    lines.push(`    ${String(f.pct).padStart(5)}%  ${f.name}  ${f.where}`);
  }
  return lines.join('\n');
}

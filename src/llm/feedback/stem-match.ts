// Stems are a light suffix strip, so "idempotency" and "idempotent" stay apart. For judging
// whether an answer speaks to a question, words sharing a long beginning count as one.

const PREFIX = 6;

export function expandStems(stems: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const s of stems) {
    out.add(s);
    if (s.length >= PREFIX) out.add(`${s.slice(0, PREFIX)}~`);
  }
  return out;
}

/** Whether `stem` is in `expanded` (from expandStems), exactly or by its long beginning. */
export const stemIn = (stem: string, expanded: ReadonlySet<string>): boolean =>
  expanded.has(stem) || (stem.length >= PREFIX && expanded.has(`${stem.slice(0, PREFIX)}~`));

/** How many of `part` are in `whole`, by stemIn. */
export function sharedCount(part: Iterable<string>, whole: ReadonlySet<string>): number {
  let n = 0;
  for (const s of part) if (stemIn(s, whole)) n += 1;
  return n;
}

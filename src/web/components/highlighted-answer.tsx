import type { Span } from '../types.js';

/** Spans that really are pieces of `text`, sorted, overlaps merged. */
export function usableRanges(text: string, spans: Span[]): [number, number][] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end > s.start && text.slice(s.start, s.end) === s.quote)
    .map((s): [number, number] => [s.start, s.end])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of valid) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The answer as written, with the words the feedback quotes marked. */
export function HighlightedAnswer({ text, spans }: { text: string; spans: Span[] }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of usableRanges(text, spans)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <blockquote class="answer-quoted">{parts}</blockquote>;
}

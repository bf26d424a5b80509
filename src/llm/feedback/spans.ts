// Evidence spans: every quote is a real piece of the answer, checked here, so a span that
// does not hold `answer.slice(start, end) === quote` cannot leave this file.

import type { Span } from './evaluator.js';

/** The span [start, end) of the answer, trimmed of surrounding white space; null if empty. */
export function spanAt(answer: string, start: number, end: number): Span | null {
  let s = Math.max(0, start);
  let e = Math.min(answer.length, end);
  while (s < e && /\s/.test(answer[s]!)) s += 1;
  while (e > s && /\s/.test(answer[e - 1]!)) e -= 1;
  if (e <= s) return null;
  return { quote: answer.slice(s, e), start: s, end: e };
}

/** Lower-case letters and digits with runs of anything else folded to one space, and where each came from. */
function folded(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let gap = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      gap = out.length > 0;
      continue;
    }
    if (gap) {
      out += ' ';
      origin.push(i);
      gap = false;
    }
    out += ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    origin.push(i);
  }
  return { text: out, origin };
}

/**
 * Where a quote a model returned sits in the answer: exactly, else ignoring case and
 * white space. Null when it is not there: a quote that is not in the answer is dropped.
 */
export function locateQuote(answer: string, quote: string): Span | null {
  const wanted = quote.trim();
  if (wanted.length === 0) return null;
  const exact = answer.indexOf(wanted);
  if (exact >= 0) return spanAt(answer, exact, exact + wanted.length);
  const a = folded(answer);
  const q = folded(wanted).text;
  if (q.length === 0) return null;
  const at = a.text.indexOf(q);
  if (at < 0) return null;
  const start = a.origin[at]!;
  const end = a.origin[at + q.length - 1]! + 1;
  return spanAt(answer, start, end);
}

export const isValidSpan = (answer: string, span: Span): boolean =>
  span.start >= 0 && span.end <= answer.length && answer.slice(span.start, span.end) === span.quote;

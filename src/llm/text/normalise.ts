// Word-level normalisation shared by the analysis, the plan and the duplicate check.
// Everything here is domain-neutral English: no profession's vocabulary is baked in.

import { trimEndChars } from './bounds.js';

const FUNCTION_WORDS = `a an the and or nor but if then than so as at by for from in into of on onto to
with within without via per about across after before during over under between through upon
is are was were be been being am do does did done has have had having will would shall should can
could may might must it its this that these those there their them they we our us you your yours
he she his her him i me my mine who whom whose which what when where why how all any both each
few more most other some such no not only own same too very just also etc e.g i.e eg ie plus
while whilst including include includes new well able using use used behind beyond among around
along against toward towards until since like near inside outside throughout every whether either
neither yet still already always often usually come comes coming make makes made get gets got
take takes give gives go goes want wants help helps let lets need needs needed someone somebody`;

// Words that appear in every posting or resume and say nothing about this job.
const FILLER_WORDS = `experience experiences experienced ability abilities skill skills strong excellent
proven demonstrated solid good great knowledge understanding familiarity proficiency required
requirement requirements preferred plus ideal ideally candidate candidates role position job
working team teams year years minimum least opportunity responsibilities responsibility
successful demonstrate demonstrating related relevant environment environments looking seeking
join company day days year's various etc key must nice bonus highly wanted`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${FILLER_WORDS}`.split(/\s+/).filter(Boolean),
);

/** Lower-case word tokens, keeping inner + # . - so "C++", "K-12" and "Node.js" survive. */
export function tokenize(text: string): string[] {
  const matches = text.toLowerCase().match(/[a-z0-9][a-z0-9+#.'-]*/g) ?? [];
  return matches.map((word) => trimEndChars(word, ".'-")).filter((word) => word.length > 0);
}

/**
 * A light suffix stripper, enough to match "administer" with "administering" and
 * "nurses" with "nursing". Not a real stemmer: it only has to be consistent.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  else if (/(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ation') && w.length >= 9) w = w.slice(0, -5);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "educat(e|ing)" and "educ(ation)" meet at "educ".
  if (w.endsWith('at') && w.length >= 6) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz|ff)$/.test(w) && w.length > 3) {
    w = w.slice(0, -1);
  }
  return w;
}

/** Stemmed content words of a text: what "talks about the same thing" is measured on. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((word) => !STOPWORDS.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

export function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Share of `part` found in `whole`: how much of a requirement a question already covers. */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let found = 0;
  for (const item of part) if (whole.has(item)) found += 1;
  return found / part.size;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** FNV-1a: a stable 32-bit hash, so the same inputs always yield the same question. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

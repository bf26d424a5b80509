// "Never repeat or nearly repeat a question" is checked here, in code, for every generator:
// a model told not to repeat itself still does.

import { contentStems, jaccard, tokenize } from '../text/normalise.js';
import { memoise } from '../text/cache.js';

/** Lower-cased words without punctuation: "Tell me, about X?" equals "tell me about x". */
export function normaliseQuestion(text: string): string {
  return tokenize(text).join(' ');
}

function shingles(text: string): Set<string> {
  const words = tokenize(text);
  const result = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i += 1) result.add(words.slice(i, i + 3).join(' '));
  return result;
}

interface Fingerprint {
  normalised: string;
  stems: Set<string>;
  runs: Set<string>;
}

const fingerprint = memoise(1024, (text: string): Fingerprint => ({
  normalised: normaliseQuestion(text),
  stems: new Set(contentStems(text)),
  runs: shingles(text),
}));

/**
 * Two questions are near-duplicates when their content words mostly coincide (same topic,
 * same ask) or they share most of their three-word runs (same sentence, lightly edited).
 * Two questions built on one phrasing but about different topics are not duplicates.
 */
function similar(a: Fingerprint, b: Fingerprint): boolean {
  if (a.normalised === b.normalised) return true;
  if (jaccard(a.stems, b.stems) >= 0.6) return true;
  return a.runs.size >= 4 && b.runs.size >= 4 && jaccard(a.runs, b.runs) >= 0.7;
}

/** A checker against one session's questions, which are read once however many drafts are tried. */
export function createDuplicateCheck(previous: readonly string[]): (candidate: string) => boolean {
  const seen = previous.map(fingerprint);
  return (candidate) => {
    const print = fingerprint(candidate);
    return seen.some((other) => similar(print, other));
  };
}

export function isNearDuplicate(candidate: string, previous: readonly string[]): boolean {
  return createDuplicateCheck(previous)(candidate);
}

// "Never repeat or nearly repeat a question" is checked here, in code, for every generator:
// a model told not to repeat itself still does.

import { contentStems, jaccard, tokenize } from './text-normalise.js';

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

/**
 * Two questions are near-duplicates when their content words mostly coincide (same topic,
 * same ask) or they share most of their three-word runs (same sentence, lightly edited).
 * Two questions built on one phrasing but about different topics are not duplicates.
 */
export function isNearDuplicate(candidate: string, previous: readonly string[]): boolean {
  const normalised = normaliseQuestion(candidate);
  const stems = new Set(contentStems(candidate));
  const runs = shingles(candidate);
  return previous.some((other) => {
    if (normaliseQuestion(other) === normalised) return true;
    if (jaccard(stems, new Set(contentStems(other))) >= 0.6) return true;
    const otherRuns = shingles(other);
    return runs.size >= 4 && otherRuns.size >= 4 && jaccard(runs, otherRuns) >= 0.7;
  });
}

// Which posting requirements a session has already asked about. A requirement counts as
// covered once an earlier question cites most of its words.

import type { Requirement } from '../analysis/types.js';
import { memoise } from '../text/cache.js';
import { containment, stemSet } from '../text/normalise.js';
import { withoutResumeQuote } from './resume-quotes.js';

/**
 * The stems a question asks about, for coverage. Quoting a resume line that shares words
 * with a requirement does not ask about it, so the quote is left out.
 */
export const askedStems: (question: string) => ReadonlySet<string> = memoise(1024, (question) =>
  stemSet(withoutResumeQuote(question)),
);

export function isCovered(
  requirement: Requirement,
  questionStems: readonly ReadonlySet<string>[],
): boolean {
  return questionStems.some((stems) => containment(requirement.stems, stems) >= 0.6);
}

/** The requirement a question was built on: the one it cites most completely. */
export function citedRequirement(
  question: string,
  requirements: readonly Requirement[],
): Requirement | null {
  const stems = stemSet(question);
  let best: Requirement | null = null;
  let bestScore = 0.5;
  for (const requirement of requirements) {
    const score = containment(requirement.stems, stems);
    if (score > bestScore) [best, bestScore] = [requirement, score];
  }
  return best;
}

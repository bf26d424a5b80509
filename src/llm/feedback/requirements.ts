// Tying answers to the job posting: the requirements the question engine reads from it, the
// one a question targeted, and how far an answer shows it.

import type { AnswerReading } from './answer-reading.js';
import type { RequirementStatus } from './evaluator.js';
import { analyseContext, containment, stemSet, type JobPostingContext } from './shared.js';
import { expandStems, sharedCount, stemIn } from './stem-match.js';

/** Every requirement the question engine reads from the posting (title, description, stack). */
export function postingRequirements(posting: JobPostingContext): string[] {
  return analyseContext(posting, null).posting.requirements.map((r) => r.text);
}

/**
 * The posting requirement a question's focus names: the same text, else the one sharing
 * most of its words. Null when none does (a model may name a requirement in its own words).
 */
export function matchRequirement(focus: string, requirements: readonly string[]): string | null {
  const wanted = focus.trim().toLowerCase();
  const exact = requirements.find((r) => r.toLowerCase() === wanted);
  if (exact) return exact;
  const stems = stemSet(focus);
  let best: string | null = null;
  let bestScore = 0.5;
  for (const r of requirements) {
    const rs = stemSet(r);
    const score = Math.min(containment(rs, stems), containment(stems, rs) + 0.25);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/**
 * demonstrated: the answer names the requirement and shows it in a sentence that says what
 * was done; mentioned: it names it without showing it; absent: it does not name it.
 */
export function requirementStatus(
  reading: AnswerReading,
  requirementStems: ReadonlySet<string>,
  substantive: boolean,
): RequirementStatus {
  if (requirementStems.size === 0) return 'absent';
  const all = expandStems(reading.sentences.flatMap((s) => [...stemSet(s.span.quote)]));
  const shared = sharedCount(requirementStems, all);
  if (shared / requirementStems.size < 0.5 && shared < 2) return 'absent';
  const wanted = expandStems(requirementStems);
  // Shown: named in a sentence telling what was done (or would be done), not what is believed.
  const shown = reading.sentences.some(
    (s) =>
      s.prose &&
      (s.iActions.length > 0 || s.weActions.length > 0) &&
      (s.past || s.conditional) &&
      [...s.stems].some((stem) => stemIn(stem, wanted)),
  );
  return substantive && shown ? 'demonstrated' : 'mentioned';
}

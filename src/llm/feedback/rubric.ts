// The rubric both evaluators share. A model may judge levels; the number is always
// computed here, from the levels, so no evaluator can hand out a free score.

import type { AnswerClass, Criterion, CriterionKey, Evaluation, Rating } from './evaluator.js';

/** Bump when weights, levels or thresholds change: stored with every feedback and report. */
export const RUBRIC_VERSION = 1;

/** Share of the score each criterion carries when it applies (they sum to 100). */
export const WEIGHTS: Readonly<Record<CriterionKey, number>> = {
  relevance: 25,
  structure: 20,
  specificity: 20,
  ownership: 15,
  impact: 20,
};

export const MAX_LEVEL = 3;

/**
 * 100 x the weighted mean of level/3 over the criteria that apply (level not null).
 * Null when no criterion applies: there is nothing to put a number on.
 */
export function scoreFromLevels(
  criteria: readonly Pick<Criterion, 'key' | 'level'>[],
): number | null {
  let weight = 0;
  let points = 0;
  for (const c of criteria) {
    if (c.level === null) continue;
    weight += WEIGHTS[c.key];
    points += WEIGHTS[c.key] * (c.level / MAX_LEVEL);
  }
  return weight === 0 ? null : Math.round((100 * points) / weight);
}

export function ratingFor(score: number): Rating {
  if (score >= 80) return 'strong';
  if (score >= 60) return 'solid';
  if (score >= 40) return 'developing';
  return 'weak';
}

const UNSCORED_CLASSES: ReadonlySet<AnswerClass> = new Set([
  'too_short',
  'non_answer',
  'off_topic',
]);

export type Judgement = Omit<Evaluation, 'status' | 'score' | 'rating' | 'rubricVersion'>;

/**
 * Status, score and rating from a judgement, by the rules every evaluator obeys: only a
 * substantive answer is scored, and only when at least one judgement points at its words.
 * `unscoredSummary` is what the summary says when the evidence is missing.
 */
export function finalise(judgement: Judgement): Evaluation {
  const spans = judgement.criteria.reduce((n, c) => n + c.evidence.length, 0);
  const score =
    UNSCORED_CLASSES.has(judgement.answerClass) || spans === 0
      ? null
      : scoreFromLevels(judgement.criteria);
  if (score === null) {
    const summary =
      judgement.answerClass === 'substantive'
        ? 'Not scored: no judgement could be tied to the words of the answer, so no number is given.'
        : judgement.summary;
    return {
      ...judgement,
      summary,
      status: 'not_scored',
      score: null,
      rating: null,
      rubricVersion: RUBRIC_VERSION,
    };
  }
  return {
    ...judgement,
    status: 'scored',
    score,
    rating: ratingFor(score),
    rubricVersion: RUBRIC_VERSION,
  };
}

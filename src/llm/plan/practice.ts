// Practising the weak areas: what earlier sessions of the same posting left weak goes
// first, what they showed demonstrated goes last, and the weakest criterion picks how
// the session opens.

import type { Requirement } from '../analysis/types.js';
import { containment, stemSet } from '../text/normalise.js';
import type { PracticeHistory, QuestionType } from './types.js';

// The question type that exercises a criterion best: a story for ownership and impact,
// a hands-on question for specifics, the candidate's own experience for relevance.
const TYPE_FOR_CRITERION: Record<string, QuestionType> = {
  relevance: 'experience',
  structure: 'behavioral',
  specificity: 'technical',
  ownership: 'behavioral',
  impact: 'situational',
};

export function firstTypeFor(practice: PracticeHistory): QuestionType | null {
  const weakest = practice.weakestCriteria[0];
  return weakest ? (TYPE_FOR_CRITERION[weakest] ?? null) : null;
}

/** Orders requirements weak first (stable), those shown demonstrated before last. */
export function weakFirst(practice: PracticeHistory) {
  const shown = practice.demonstrated.map((text) => stemSet(text));
  const isShown = (r: Requirement) =>
    shown.some((stems) => containment(r.stems, stems) >= 0.6 && containment(stems, r.stems) >= 0.6);
  return <T extends Requirement>(list: T[]): T[] => [
    ...list.filter((r) => !isShown(r)),
    ...list.filter((r) => isShown(r)),
  ];
}

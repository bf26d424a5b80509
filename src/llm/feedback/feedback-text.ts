// The words of the feedback: strengths that point at the answer, improvements that each
// name one thing to do, and a summary that says what the number rests on.

import type { Criterion, CriterionKey, Evaluation, RequirementStatus } from './evaluator.js';

const STRENGTH: Record<CriterionKey, string> = {
  relevance: 'You answered the question that was asked.',
  structure: 'Your story is easy to follow: the situation, what you did and how it ended.',
  specificity: 'You gave concrete details: numbers, names and tools.',
  ownership: 'You made clear what you did yourself.',
  impact: 'You said what came of it.',
};

const IMPROVEMENT: Record<CriterionKey, string> = {
  relevance: 'Open with one sentence that answers the question directly, using its own terms.',
  structure:
    'Tell it in order: the situation in one sentence, your task, the steps you took, and the result.',
  specificity:
    'Add two or three concrete details: how many, how long, which tool, standard or team.',
  ownership: 'Say "I" for the steps you took yourself; keep "we" for what the team did.',
  impact: 'End with the result and a measure: what changed, by how much, for whom.',
};

const LABEL: Record<CriterionKey, string> = {
  relevance: 'relevance',
  structure: 'structure',
  specificity: 'specific detail',
  ownership: 'your own part',
  impact: 'the result',
};

export function strengthsOf(criteria: readonly Criterion[]): Evaluation['strengths'] {
  return criteria
    .filter((c) => c.level !== null && c.level >= 2 && c.evidence.length > 0)
    .map((c) => ({ text: STRENGTH[c.key], evidence: c.evidence.slice(0, 2) }));
}

export function improvementsOf(
  criteria: readonly Criterion[],
  requirement: { text: string; status: RequirementStatus } | null,
): Evaluation['improvements'] {
  const out = criteria
    .filter((c) => c.level !== null && c.level <= 1)
    .sort((a, b) => (a.level ?? 0) - (b.level ?? 0))
    .map((c) => ({ text: IMPROVEMENT[c.key] }));
  if (requirement && requirement.status !== 'demonstrated') {
    out.unshift({
      text:
        requirement.status === 'absent'
          ? `The question was about "${requirement.text}": say where you did it and how.`
          : `You named "${requirement.text}"; show it with one thing you did.`,
    });
  }
  return out.slice(0, 4);
}

export function scoredSummary(criteria: readonly Criterion[], score: number): string {
  const judged = criteria.filter((c) => c.level !== null);
  const best = judged.filter((c) => c.level! >= 2).map((c) => LABEL[c.key]);
  const weak = judged.filter((c) => c.level! <= 1).map((c) => LABEL[c.key]);
  const parts = [`${score}/100 from the levels of ${judged.length} criteria.`];
  if (best.length > 0) parts.push(`Strong on ${best.join(', ')}.`);
  if (weak.length > 0) parts.push(`Work on ${weak.join(', ')}.`);
  return parts.join(' ');
}

import type { CriterionKey, Rating, RequirementStatus } from './types.js';

export const RATING_LABEL: Record<Rating, string> = {
  strong: 'Strong',
  solid: 'Solid',
  developing: 'Developing',
  weak: 'Weak',
};

export const CRITERION_LABEL: Record<CriterionKey, string> = {
  relevance: 'Relevance',
  structure: 'Structure (STAR)',
  specificity: 'Specificity',
  ownership: 'Ownership',
  impact: 'Impact',
};

export const REQUIREMENT_STATUS_LABEL: Record<RequirementStatus, string> = {
  demonstrated: 'Demonstrated',
  mentioned: 'Mentioned',
  absent: 'Absent',
  untested: 'Not asked about',
};

/** A criterion level 0..3 in words; null means the answer gave nothing to judge. */
export function levelLabel(level: number | null): string {
  return level === null ? 'not judged' : `${level} of 3`;
}

/** A mean of levels, to one decimal; null means no answer gave anything to judge. */
export const meanLevelLabel = (mean: number | null): string =>
  levelLabel(mean === null ? null : Number(mean.toFixed(1)));

export const FEEDBACK_PROGRESS_LABEL = {
  pending: 'Waiting in line',
  processing: 'Reading your answer',
  completed: 'Ready',
  failed: 'Failed',
} as const;

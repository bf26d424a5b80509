// The one interface every answer evaluator implements, beside the question generator's.
// The worker calls it; it knows nothing about HTTP, the queue or the database.

import type { JobPostingContext, QuestionType } from './shared.js';

export const CRITERION_KEYS = [
  'relevance',
  'structure',
  'specificity',
  'ownership',
  'impact',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export const ANSWER_CLASSES = ['substantive', 'too_short', 'non_answer', 'off_topic'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];

export const REQUIREMENT_STATUSES = ['demonstrated', 'mentioned', 'absent'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export type Rating = 'strong' | 'solid' | 'developing' | 'weak';

/** A piece of the answer: `answer.slice(start, end) === quote`, always. */
export interface Span {
  quote: string;
  start: number;
  end: number;
}

export interface Criterion {
  key: CriterionKey;
  /** 0..3, or null where the answer gives nothing to judge. */
  level: number | null;
  comment: string;
  evidence: Span[];
}

export interface EvaluationInput {
  question: { text: string; type: QuestionType | null; requirement: string | null };
  answer: string;
  jobPosting: JobPostingContext;
  resume: string | null;
}

export interface Evaluation {
  status: 'scored' | 'not_scored';
  answerClass: AnswerClass;
  score: number | null;
  rating: Rating | null;
  summary: string;
  criteria: Criterion[];
  strengths: { text: string; evidence: Span[] }[];
  improvements: { text: string }[];
  requirement: { text: string; status: RequirementStatus } | null;
  exampleAnswer: string | null;
  generator: 'offline' | 'openai';
  rubricVersion: number;
}

export interface AnswerEvaluator {
  /** For logs: "offline" or "openai-compatible:<model>@<host>". Never a secret. */
  readonly name: string;
  /** Loads what the first evaluation needs (the tagger, the AI SDK), outside its time budget. */
  prepare(): Promise<void>;
  evaluate(input: EvaluationInput, options: { signal: AbortSignal }): Promise<Evaluation>;
}

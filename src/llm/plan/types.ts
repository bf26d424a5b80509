// The interview as every generator sees it: the question types, the session so far and
// what a generated question carries.

import type { JobPostingContext } from '../analysis/types.js';

export const QUESTION_TYPES = ['technical', 'behavioral', 'situational', 'experience'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface TranscriptEntry {
  role: 'interviewer' | 'candidate';
  content: string;
  questionType: QuestionType | null;
}

export interface GenerationInput {
  jobPosting: JobPostingContext;
  /** The candidate's resume text; null when none is stored. */
  resume: string | null;
  /** The session so far, oldest first: questions and answers. */
  transcript: TranscriptEntry[];
  /** The type the caller wants; when absent the generator's plan decides. */
  wantedType?: QuestionType;
  /** A session practising its weak areas: what earlier sessions of the posting showed. */
  practice?: PracticeHistory;
}

export interface PracticeHistory {
  /** Requirements some earlier session showed demonstrated: asked after the weak ones. */
  demonstrated: string[];
  /** Criterion keys, weakest first (mean level over the earlier reports). */
  weakestCriteria: string[];
  /** Earlier questions the candidate answered well: not asked again. */
  answeredWell: string[];
}

/** What a question targets: a posting requirement and the resume evidence behind it. */
export interface QuestionFocus {
  requirement: string | null;
  evidence: string | null;
  summary: string;
}

export interface GeneratedQuestion {
  questionText: string;
  questionType: QuestionType;
  focus: QuestionFocus;
}

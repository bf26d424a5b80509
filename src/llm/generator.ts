// The one interface every question generator implements. The worker calls it;
// it knows nothing about HTTP, the queue or the database.

export const QUESTION_TYPES = ['technical', 'behavioral', 'situational', 'experience'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface JobPostingContext {
  title: string;
  company: string | null;
  description: string;
  techStack: string | null;
  experienceLevel: string | null;
}

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

export interface GenerateOptions {
  /** Fires on the time budget or on shutdown; generators must stop promptly. */
  signal: AbortSignal;
}

export interface QuestionGenerator {
  /** A short name for logs and start-up ("offline", "openai:gpt-4o-mini"). Never a secret. */
  readonly name: string;
  generate(input: GenerationInput, options: GenerateOptions): Promise<GeneratedQuestion>;
}

export type GenerationFailureKind =
  | 'timeout'
  | 'rate_limited'
  | 'unavailable'
  | 'invalid_output'
  | 'rejected_key'
  | 'rejected_request'
  | 'aborted';

const TRANSIENT: ReadonlySet<GenerationFailureKind> = new Set([
  'timeout',
  'rate_limited',
  'unavailable',
]);

/**
 * A classified generation failure. `message` is written for the person who
 * sees the failed operation: no stack, no key, no provider internals.
 */
export class GenerationError extends Error {
  readonly kind: GenerationFailureKind;

  constructor(kind: GenerationFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GenerationError';
    this.kind = kind;
  }

  /** Worth another attempt within the time budget. */
  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

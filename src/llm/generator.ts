// The one interface every question generator implements. The worker calls it;
// it knows nothing about HTTP, the queue or the database.

export type { JobPostingContext } from './analysis/types.js';
export {
  QUESTION_TYPES,
  type GeneratedQuestion,
  type GenerationInput,
  type PracticeHistory,
  type QuestionFocus,
  type QuestionType,
  type TranscriptEntry,
} from './plan/types.js';
import type { GeneratedQuestion, GenerationInput } from './plan/types.js';

export interface GenerateOptions {
  /** Fires on the time budget or on shutdown; generators must stop promptly. */
  signal: AbortSignal;
}

export interface QuestionGenerator {
  /** A short name for logs and start-up ("offline", "openai:gpt-4o-mini"). Never a secret. */
  readonly name: string;
  generate(input: GenerationInput, options: GenerateOptions): Promise<GeneratedQuestion>;
  /** One-off set-up (an analysis thread and its NLP library), awaited outside the time budget. */
  prepare?(): Promise<void>;
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
  /** A rate-limited provider's Retry-After: no retry before it. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: GenerationFailureKind,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = 'GenerationError';
    this.kind = kind;
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** Worth another attempt within the time budget. */
  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

function isTimeoutReason(reason: unknown): boolean {
  if (reason instanceof GenerationError) return reason.kind === 'timeout';
  return (
    (reason instanceof Error || reason instanceof DOMException) && reason.name === 'TimeoutError'
  );
}

/** The one wording of a timeout, whoever notices it: the worker's budget or a caller's signal. */
export function timeoutFailure(budgetMs: number | null, cause?: unknown): GenerationError {
  const limit = budgetMs ? ` (${Math.round(budgetMs / 100) / 10} s)` : '';
  return new GenerationError(
    'timeout',
    `Generating the question took longer than the time allowed${limit} and was stopped. Try again in a moment.`,
    { cause },
  );
}

/**
 * Why a signal fired. The worker owns the time budget and aborts with `timeoutFailure`; a
 * TimeoutError (as `AbortSignal.timeout` gives) is a caller's budget too; any other reason
 * is a shutdown or a cancellation. Generators set no timer of their own.
 */
export function abortFailure(signal: AbortSignal): GenerationError {
  if (signal.reason instanceof GenerationError) return signal.reason;
  if (isTimeoutReason(signal.reason)) return timeoutFailure(null, signal.reason);
  return new GenerationError(
    'aborted',
    'Question generation was stopped before it finished (the service is shutting down or the work was cancelled). Start it again.',
    { cause: signal.reason },
  );
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortFailure(signal);
}

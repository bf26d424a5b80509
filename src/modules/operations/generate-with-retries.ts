import { setTimeout as sleep } from 'node:timers/promises';
import {
  GenerationError,
  type GeneratedQuestion,
  type GenerationInput,
  type QuestionGenerator,
} from '../../llm/generator.js';
import type { Logger } from '../../platform/logger.js';

const MAX_GENERATION_ATTEMPTS = 3;

/** Exponential back-off, scaled down for small budgets so retries fit inside them. */
const backoffMs = (attempt: number, budgetMs: number): number =>
  Math.min(250 * 2 ** (attempt - 1), budgetMs / 8) * (0.8 + Math.random() * 0.4);

/** What a timed-out or shut-down call is called in its failure message. */
export interface RetryWording {
  timeout: (seconds: number) => string;
  aborted: string;
}

const QUESTION_WORDING: RetryWording = {
  timeout: (s) =>
    `The question took longer than ${s} s to generate and was stopped. Please try again.`,
  aborted: 'The service was shutting down; the question was not generated.',
};

/**
 * Calls the generator within one time budget, retrying transient failures
 * with back-off while the budget lasts. Whatever the generator does, this
 * settles by the deadline: a generator that ignores its signal is abandoned.
 */
export function generateWithRetries(
  generator: QuestionGenerator,
  input: GenerationInput,
  options: { budgetMs: number; shutdown: AbortSignal; log: Logger },
): Promise<GeneratedQuestion> {
  return callWithRetries((signal) => generator.generate(input, { signal }), options);
}

/** The same budget and retries for any model call that fails with GenerationErrors. */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  {
    budgetMs,
    shutdown,
    log,
    wording = QUESTION_WORDING,
  }: { budgetMs: number; shutdown: AbortSignal; log: Logger; wording?: RetryWording },
): Promise<T> {
  const started = Date.now();
  const deadline = AbortSignal.timeout(budgetMs);
  const signal = AbortSignal.any([deadline, shutdown]);
  for (let attempt = 1; ; attempt++) {
    try {
      return await untilAborted(call(signal), signal);
    } catch (err) {
      const failure = classify(err, deadline, budgetMs, wording);
      const backoff = backoffMs(attempt, budgetMs);
      const timeLeft = budgetMs - (Date.now() - started);
      if (
        !failure.transient ||
        signal.aborted ||
        attempt >= MAX_GENERATION_ATTEMPTS ||
        timeLeft < backoff * 2
      ) {
        throw failure;
      }
      log.warn({ kind: failure.kind, attempt, backoffMs: backoff }, 'generation failed; retrying');
      await sleep(backoff, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) throw classify(signal.reason, deadline, budgetMs, wording);
    }
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

function classify(
  err: unknown,
  deadline: AbortSignal,
  budgetMs: number,
  wording: RetryWording,
): GenerationError {
  if (deadline.aborted) {
    return new GenerationError('timeout', wording.timeout(Math.round(budgetMs / 1000)));
  }
  if (err instanceof GenerationError) return err;
  if (
    (err as Error | undefined)?.name === 'AbortError' ||
    (err as Error | undefined)?.message === 'shutdown'
  ) {
    return new GenerationError('aborted', wording.aborted);
  }
  throw err; // not a generation failure: a bug, reported as such by the caller
}

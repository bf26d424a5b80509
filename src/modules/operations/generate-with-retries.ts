import { setTimeout as sleep } from 'node:timers/promises';
import {
  abortFailure,
  GenerationError,
  timeoutFailure,
  type GeneratedQuestion,
  type GenerationInput,
  type QuestionGenerator,
} from '../../llm/generator.js';
import type { Logger } from '../../platform/logger.js';

const MAX_GENERATION_ATTEMPTS = 3;

/** Exponential back-off, scaled down for small budgets so retries fit inside them. */
const backoffMs = (attempt: number, budgetMs: number): number =>
  Math.min(250 * 2 ** (attempt - 1), budgetMs / 8) * (0.8 + Math.random() * 0.4);

/**
 * Calls the generator within one time budget, retrying transient failures
 * with back-off while the budget lasts. Whatever the generator does, this
 * settles by the deadline: a generator that ignores its signal is abandoned.
 * This is the one owner of the budget: generators set no timer, they stop when the
 * signal fires, and its reason is already the failure a person reads.
 */
export async function generateWithRetries(
  generator: QuestionGenerator,
  input: GenerationInput,
  { budgetMs, shutdown, log }: { budgetMs: number; shutdown: AbortSignal; log: Logger },
): Promise<GeneratedQuestion> {
  const started = Date.now();
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(timeoutFailure(budgetMs)), budgetMs);
  try {
    return await attempts(generator, input, budget.signal, shutdown, started, budgetMs, log);
  } finally {
    clearTimeout(timer);
  }
}

async function attempts(
  generator: QuestionGenerator,
  input: GenerationInput,
  deadline: AbortSignal,
  shutdown: AbortSignal,
  started: number,
  budgetMs: number,
  log: Logger,
): Promise<GeneratedQuestion> {
  const signal = AbortSignal.any([deadline, shutdown]);
  for (let attempt = 1; ; attempt++) {
    try {
      return await untilAborted(generator.generate(input, { signal }), signal);
    } catch (err) {
      const failure = classify(err, deadline, shutdown);
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
      if (signal.aborted) throw classify(signal.reason, deadline, shutdown);
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

function classify(err: unknown, deadline: AbortSignal, shutdown: AbortSignal): GenerationError {
  if (deadline.aborted) return abortFailure(deadline);
  if (err instanceof GenerationError) return err;
  if (
    shutdown.aborted ||
    (err as Error | undefined)?.name === 'AbortError' ||
    (err as Error | undefined)?.message === 'shutdown'
  ) {
    return new GenerationError(
      'aborted',
      'The service was shutting down; the question was not generated.',
    );
  }
  throw err; // not a generation failure: a bug, reported as such by the caller
}

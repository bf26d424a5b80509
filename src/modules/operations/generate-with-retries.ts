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

/** What a timed-out or shut-down call is called in its failure message. */
export interface RetryWording {
  timeout: (seconds: number) => string;
  aborted: string;
}

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

/**
 * The same budget and retries for any model call that fails with GenerationErrors.
 * This is the one owner of the budget: callees set no timer, they stop when the signal
 * fires, and its reason is already the failure a person reads.
 */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  {
    budgetMs,
    shutdown,
    log,
    wording,
  }: { budgetMs: number; shutdown: AbortSignal; log: Logger; wording?: RetryWording },
): Promise<T> {
  const started = Date.now();
  const budget = new AbortController();
  const timedOut = wording
    ? new GenerationError('timeout', wording.timeout(Math.round(budgetMs / 1000)))
    : timeoutFailure(budgetMs);
  const timer = setTimeout(() => budget.abort(timedOut), budgetMs);
  const deadline = budget.signal;
  const signal = AbortSignal.any([deadline, shutdown]);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await untilAborted(call(signal), signal);
      } catch (err) {
        const failure = classify(err, deadline, shutdown, wording);
        // A provider's Retry-After is honoured: no retry before it, and none when it
        // falls after the budget (the rate-limited failure is clearer than a timeout).
        const backoff = Math.max(backoffMs(attempt, budgetMs), failure.retryAfterMs ?? 0);
        const timeLeft = budgetMs - (Date.now() - started);
        if (
          !failure.transient ||
          signal.aborted ||
          attempt >= MAX_GENERATION_ATTEMPTS ||
          timeLeft < backoff * 2
        ) {
          throw failure;
        }
        log.warn(
          { kind: failure.kind, attempt, backoffMs: backoff },
          'model call failed; retrying',
        );
        await sleep(backoff, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) throw classify(signal.reason, deadline, shutdown, wording);
      }
    }
  } finally {
    clearTimeout(timer);
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
  shutdown: AbortSignal,
  wording: RetryWording | undefined,
): GenerationError {
  if (deadline.aborted) return abortFailure(deadline);
  if (err instanceof GenerationError) return err;
  if (
    shutdown.aborted ||
    (err as Error | undefined)?.name === 'AbortError' ||
    (err as Error | undefined)?.message === 'shutdown'
  ) {
    return new GenerationError(
      'aborted',
      wording?.aborted ?? 'The service was shutting down; the question was not generated.',
    );
  }
  throw err; // not a generation failure: a bug, reported as such by the caller
}

// The offline generator and evaluator, run in worker threads: a crafted resume, posting or
// answer can keep a thread busy until its time budget, never the API's event loop.
import {
  createThreadPool,
  ThreadCrashedError,
  ThreadTimeoutError,
  type ThreadPool,
} from '../platform/thread-pool.js';
import type { SerialisedError } from '../platform/thread-pool-worker.js';
import type { Evaluation, EvaluationInput } from './feedback/evaluator.js';
import {
  abortFailure,
  GenerationError,
  timeoutFailure,
  type GenerationFailureKind,
} from './generator.js';
import type { PlannedQuestion } from './plan/question-plan.js';
import type { GeneratedQuestion, GenerationInput } from './plan/types.js';

export interface AnalysisPool {
  generate(input: GenerationInput, signal: AbortSignal): Promise<GeneratedQuestion>;
  evaluate(input: EvaluationInput, signal: AbortSignal): Promise<Evaluation>;
  /** The plan a model-backed generator follows (posting and resume analysis included). */
  plan(input: GenerationInput, signal: AbortSignal): Promise<PlannedQuestion>;
  /** Starts a thread and loads the NLP library in it (outside any time budget). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  threads: number;
  /** A task's hard limit in its thread; callers' budgets usually stop it first. */
  timeoutMs: number;
  /** Another entry (the tests add tasks of their own); analysis-thread by default. */
  entry?: URL;
}

// The build runs the compiled entry beside this file; under the tests it is the TypeScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
export const ANALYSIS_ENTRY = new URL(
  FROM_SOURCE ? './analysis-thread.ts' : './analysis-thread.js',
  import.meta.url,
);

/** A GenerationError thrown in a thread comes back as one, with its kind and its words. */
export function reviveAnalysisError({ name, message, kind }: SerialisedError): Error {
  if (name === 'GenerationError' && kind) {
    return new GenerationError(kind as GenerationFailureKind, message);
  }
  return Object.assign(new Error(message), { name });
}

const WHAT = {
  composeQuestion: 'Generating the question',
  evaluateOffline: 'Evaluating the answer',
  planQuestion: 'Planning the question',
};

function failure(err: unknown, signal: AbortSignal, task: keyof typeof WHAT): unknown {
  if (signal.aborted) return abortFailure(signal);
  if (err instanceof ThreadTimeoutError) {
    return task !== 'evaluateOffline'
      ? timeoutFailure(err.timeoutMs, err)
      : new GenerationError(
          'timeout',
          `${WHAT[task]} took longer than the time allowed and was stopped. Try again in a moment.`,
          { cause: err },
        );
  }
  if (err instanceof ThreadCrashedError) {
    return new GenerationError(
      'invalid_output',
      `${WHAT[task]} failed: the texts are too large or too complex to analyse. Shorten them and try again.`,
      { cause: err },
    );
  }
  return err;
}

export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  let pool: ThreadPool | undefined;
  // Created on first use: start-up spawns no thread.
  const threads = () =>
    (pool ??= createThreadPool({
      entry: options.entry ?? ANALYSIS_ENTRY,
      size: options.threads,
      timeoutMs: options.timeoutMs,
      revive: reviveAnalysisError,
    }));
  const run = async <I, O>(task: keyof typeof WHAT, input: I, signal: AbortSignal) => {
    try {
      return await threads().run<I, O>(task, input, signal);
    } catch (err) {
      throw failure(err, signal, task);
    }
  };
  return {
    generate: (input, signal) => run('composeQuestion', input, signal),
    evaluate: (input, signal) => run('evaluateOffline', input, signal),
    plan: (input, signal) => run('planQuestion', input, signal),
    warm: () => threads().warm(),
    close: async () => pool?.close(),
  };
}

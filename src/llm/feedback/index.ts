// The entry point for answer evaluation: the evaluator the config names, and what the
// rest of the service needs to tie answers to postings.

import { DEFAULT_OPENAI_BASE_URL } from '../../config.js';
import type { AnalysisPool } from '../analysis-pool.js';
import type { AnswerEvaluator, EvaluationInput } from './evaluator.js';
import { createOfflineEvaluator } from './offline-evaluator.js';
import { openAIGeneratorName, type OpenAIGeneratorOptions } from './shared.js';

export interface EvaluatorConfig {
  provider: 'offline' | 'openai';
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  /** How to reach the server (a user's own provider gets one that refuses private addresses). */
  fetch?: typeof fetch;
}

/** Given a pool, the offline evaluator runs in its threads; without one, on the caller's. */
export function createAnswerEvaluator(
  config: EvaluatorConfig,
  pool?: AnalysisPool,
): AnswerEvaluator {
  if (config.provider === 'offline') {
    if (!pool) return createOfflineEvaluator();
    return {
      name: 'offline',
      prepare: () => pool.warm(),
      evaluate: (input, { signal }) => pool.evaluate(input, signal),
    };
  }
  const options: OpenAIGeneratorOptions = {
    baseUrl: config.baseUrl || DEFAULT_OPENAI_BASE_URL,
    apiKey: config.apiKey,
    model: config.model,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  };
  // The offline screen (is this an answer at all?) runs in the pool's threads when there is one.
  const screen = pool
    ? (input: EvaluationInput, signal: AbortSignal) => pool.evaluate(input, signal)
    : undefined;
  // The AI SDK loads when the worker prepares (outside a time budget), not at start-up.
  let loaded: Promise<AnswerEvaluator> | undefined;
  const load = () =>
    (loaded ??= import('./openai-evaluator.js').then((m) =>
      m.createOpenAIEvaluator(options, screen),
    ));
  return {
    name: openAIGeneratorName(options),
    prepare: async () => {
      const evaluator = await load();
      await (pool ? pool.warm() : evaluator.prepare());
    },
    evaluate: async (input, evaluateOptions) => (await load()).evaluate(input, evaluateOptions),
  };
}

export type * from './evaluator.js';
export { ANSWER_CLASSES, CRITERION_KEYS, REQUIREMENT_STATUSES } from './evaluator.js';
export { RUBRIC_VERSION, WEIGHTS, ratingFor, scoreFromLevels } from './rubric.js';
export { matchRequirement, postingRequirements } from './requirements.js';
export { isValidSpan } from './spans.js';
export type { QuestionType, JobPostingContext } from './shared.js';

// The one entry point the rest of the service uses: pick the generator the config names.

import { DEFAULT_OPENAI_BASE_URL, type LlmConfig } from '../config.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { QuestionGenerator } from './generator.js';
import { createOfflineGenerator } from './offline/offline-generator.js';
import { openAIGeneratorName, type OpenAIGeneratorOptions } from './openai/provider-host.js';

export type { LlmConfig } from '../config.js';

/** The config a generator is built from; a user's own provider brings its own fetch. */
export type GeneratorConfig = LlmConfig & {
  /** How to reach the server (a user's own provider gets one that refuses private addresses). */
  fetch?: typeof fetch;
};

/**
 * The generator for this config. Its `name` says which one is active, for the start-up
 * log: "offline" or "openai-compatible:<model>@<host>", never the key. Given a pool, the
 * offline generator runs in its threads; without one, on the caller's (scripts, tests).
 */
export function createQuestionGenerator(
  config: GeneratorConfig,
  pool?: AnalysisPool,
): QuestionGenerator {
  if (config.provider === 'offline') {
    if (!pool) return createOfflineGenerator();
    return {
      name: 'offline',
      generate: (input, { signal }) => pool.generate(input, signal),
      prepare: () => pool.warm(),
    };
  }
  const options: OpenAIGeneratorOptions = {
    baseUrl: config.baseUrl || DEFAULT_OPENAI_BASE_URL,
    apiKey: config.apiKey,
    model: config.model,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  };
  // The AI SDK loads when the worker prepares (outside the time budget), not at start-up.
  let loaded: Promise<QuestionGenerator> | undefined;
  const load = () =>
    (loaded ??= import('./openai/openai-generator.js').then((m) =>
      m.createOpenAIGenerator(
        options,
        pool ? (planInput, signal) => pool.plan(planInput, signal) : undefined,
      ),
    ));
  return {
    name: openAIGeneratorName(options),
    async prepare() {
      await load();
      await pool?.warm();
    },
    generate: async (input, generateOptions) => (await load()).generate(input, generateOptions),
  };
}

export type {
  GeneratedQuestion,
  GenerationInput,
  QuestionFocus,
  QuestionGenerator,
  QuestionType,
} from './generator.js';
export { GenerationError, QUESTION_TYPES } from './generator.js';
export { createAnalysisPool, type AnalysisPool } from './analysis-pool.js';

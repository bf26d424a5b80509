// The one entry point the rest of the service uses: pick the generator the config names.

import type { QuestionGenerator } from './generator.js';
import { createOfflineGenerator } from './offline-generator.js';
import { openAIGeneratorName, type OpenAIGeneratorOptions } from './provider-host.js';

export interface LlmConfig {
  provider: 'offline' | 'openai';
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  /** How to reach the server (a user's own provider gets one that refuses private addresses). */
  fetch?: typeof fetch;
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The generator for this config. Its `name` says which one is active, for the start-up
 * log: "offline" or "openai-compatible:<model>@<host>", never the key.
 */
export function createQuestionGenerator(config: LlmConfig): QuestionGenerator {
  if (config.provider === 'offline') return createOfflineGenerator();
  const options: OpenAIGeneratorOptions = {
    baseUrl: config.baseUrl || DEFAULT_OPENAI_BASE_URL,
    apiKey: config.apiKey,
    model: config.model,
    timeoutMs: config.timeoutMs,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  };
  // The AI SDK loads on the first generation, not at start-up.
  let loaded: Promise<QuestionGenerator> | undefined;
  return {
    name: openAIGeneratorName(options),
    async generate(input, generateOptions) {
      loaded ??= import('./openai-generator.js').then((m) => m.createOpenAIGenerator(options));
      return (await loaded).generate(input, generateOptions);
    },
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

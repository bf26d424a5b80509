// The one entry point the rest of the service uses: pick the generator the config names.

import type { QuestionGenerator } from './generator.js';
import { createOfflineGenerator } from './offline-generator.js';
import { createOpenAIGenerator } from './openai-generator.js';

export interface LlmConfig {
  provider: 'offline' | 'openai';
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The generator for this config. Its `name` says which one is active, for the start-up
 * log: "offline" or "openai-compatible:<model>@<host>", never the key.
 */
export function createQuestionGenerator(config: LlmConfig): QuestionGenerator {
  if (config.provider === 'offline') return createOfflineGenerator();
  return createOpenAIGenerator({
    baseUrl: config.baseUrl || DEFAULT_OPENAI_BASE_URL,
    apiKey: config.apiKey,
    model: config.model,
    timeoutMs: config.timeoutMs,
  });
}

export type {
  GeneratedQuestion,
  GenerationInput,
  QuestionFocus,
  QuestionGenerator,
  QuestionType,
} from './generator.js';
export { GenerationError, QUESTION_TYPES } from './generator.js';

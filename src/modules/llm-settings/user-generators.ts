import {
  createQuestionGenerator,
  type AnalysisPool,
  GenerationError,
  type QuestionGenerator,
} from '../../llm/index.js';
import { createAnswerEvaluator, type AnswerEvaluator } from '../../llm/feedback/index.js';
import { createLruCache } from '../../llm/text/cache.js';
import { providerKey, type ProviderLimiter } from '../../platform/provider-limits.js';
import type { SecretBox } from '../../platform/secret-box.js';
import { createGuardedFetch, preloadGuardedFetch } from './guarded-fetch.js';
import type { LlmSettingsRepository } from './llm-settings.repository.js';

// Built generators are kept per user and settings version: a generation costs one
// primary-key read of the version, and a change of settings (in any process) is seen
// by the next generation.
const CACHE_SIZE = 1_000;

interface UserGeneratorsDeps {
  settings: LlmSettingsRepository;
  box: SecretBox | undefined;
  /** The server's generator, for everyone without settings of their own. */
  fallback: QuestionGenerator;
  /** The server's answer evaluator, likewise. */
  fallbackEvaluator: AnswerEvaluator;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Where the plan and the answer screen run, off the event loop. */
  analysis?: AnalysisPool;
  /** Every provider's calls share its in-flight limit and 429 back-off, whoever set it up. */
  limiter?: ProviderLimiter;
}

/** The generator for a user's generations: their own provider when they set one. */
export function createUserGenerators(deps: UserGeneratorsDeps) {
  const built = createLruCache<{ version: string } & UserModels>(CACHE_SIZE);
  const guardedFetch = createGuardedFetch(deps.allowPrivate);

  // The answer is wrapped: a generator object may itself be thenable (a test double is).
  const server: UserModels = { generator: deps.fallback, evaluator: deps.fallbackEvaluator };
  return async function generatorFor(userId: string): Promise<UserModels> {
    const version = await deps.settings.versionOf(userId);
    if (version === null) {
      built.delete(userId);
      return server;
    }
    const hit = built.get(userId);
    if (hit?.version === version) return hit;
    const row = await deps.settings.find(userId);
    if (!row) return server;
    let apiKey: string | undefined;
    if (row.api_key_encrypted) {
      try {
        apiKey = deps.box?.open(row.api_key_encrypted);
      } catch {
        apiKey = undefined;
      }
      if (apiKey === undefined)
        return { generator: unreadableKey, evaluator: unreadableKeyEvaluator };
    }
    preloadGuardedFetch();
    const provider = {
      provider: 'openai' as const,
      baseUrl: row.base_url,
      apiKey,
      model: row.model,
      timeoutMs: deps.timeoutMs,
      fetch: deps.limiter
        ? deps.limiter.fetch(providerKey(row.base_url), guardedFetch)
        : guardedFetch,
    };
    const models: UserModels = {
      generator: createQuestionGenerator(provider, deps.analysis),
      evaluator: createAnswerEvaluator(provider, deps.analysis),
    };
    built.set(userId, { version: row.version, ...models });
    return models;
  };
}

/** The models one user's operations use: their own provider's, or the server's. */
export interface UserModels {
  generator: QuestionGenerator;
  evaluator: AnswerEvaluator;
}

// SECRETS_KEY changed or missing since the key was stored: say so instead of calling the model keyless.
const unreadableKey: QuestionGenerator = {
  name: 'user-provider-unreadable-key',
  generate: async () => {
    throw new GenerationError(
      'rejected_key',
      'Your stored model key can no longer be read by this server. Save your model settings again.',
    );
  },
};

const unreadableKeyEvaluator: AnswerEvaluator = {
  name: unreadableKey.name,
  prepare: async () => undefined,
  evaluate: () => unreadableKey.generate(undefined as never, undefined as never) as never,
};

export type GeneratorFor = ReturnType<typeof createUserGenerators>;

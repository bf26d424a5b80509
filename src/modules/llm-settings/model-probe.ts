import { GenerationError, type GenerationFailureKind } from '../../llm/generator.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { generateWithRetries } from '../operations/generate-with-retries.js';
import type { GeneratorFor } from './user-generators.js';
import type { LlmSettingsService } from './llm-settings.service.js';

// A tiny posting, so the test costs one short generation and says nothing about the user.
const PROBE_INPUT = {
  jobPosting: {
    title: 'Software Engineer',
    company: null,
    description: 'Build and maintain web services in TypeScript; write tests; review code.',
    techStack: 'TypeScript',
    experienceLevel: null,
  },
  resume: null,
  transcript: [],
};

const FAILURE_CODE: Record<GenerationFailureKind, ErrorCode> = {
  timeout: 'MODEL_TIMEOUT',
  rate_limited: 'MODEL_RATE_LIMITED',
  unavailable: 'MODEL_UNAVAILABLE',
  invalid_output: 'MODEL_INVALID_OUTPUT',
  rejected_key: 'MODEL_KEY_REJECTED',
  rejected_request: 'MODEL_REQUEST_REJECTED',
  aborted: 'SERVICE_UNAVAILABLE',
};

interface ModelProbeDeps {
  llmSettings: LlmSettingsService;
  generatorFor: GeneratorFor;
  budgetMs: number;
  log: Logger;
}

export interface ProbeResult {
  generator: string;
  question: string;
}

/** One question generated through the caller's own provider, within the generation budget. */
export function createModelProbe({ llmSettings, generatorFor, budgetMs, log }: ModelProbeDeps) {
  return async function testModel(userId: string, shutdown: AbortSignal): Promise<ProbeResult> {
    await llmSettings.get(userId); // LLM_SETTINGS_NOT_FOUND: there is nothing of theirs to test
    const { generator } = await generatorFor(userId);
    await generator.prepare?.();
    try {
      const question = await generateWithRetries(generator, PROBE_INPUT, {
        budgetMs,
        shutdown,
        log: log.child({ probe: 'user-model' }),
      });
      return { generator: generator.name, question: question.questionText };
    } catch (err) {
      if (err instanceof GenerationError) throw new AppError(FAILURE_CODE[err.kind], err.message);
      throw err;
    }
  };
}

export type ModelProbe = ReturnType<typeof createModelProbe>;

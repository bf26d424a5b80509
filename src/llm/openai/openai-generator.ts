// Questions from any OpenAI-compatible chat model (OpenAI, a local server, a gateway),
// following the same plan as the offline generator. The worker owns the time budget and
// retries across it (the caller's signal carries both), so the SDK's own retries are off; the one retry here is for a reply that
// arrived but could not be used.

import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, generateObject, wrapLanguageModel, type LanguageModelMiddleware } from 'ai';
import { createBoundedFetch } from './bounded-fetch.js';
import { analyseContext } from '../analysis/context-analysis.js';
import {
  abortFailure,
  GenerationError,
  throwIfAborted,
  type QuestionGenerator,
} from '../generator.js';
import { planNextQuestion } from '../plan/question-plan.js';
import type { GeneratedQuestion } from '../plan/types.js';
import { classifyFailure } from './generation-failures.js';
import { SYSTEM_PROMPT, buildUserPrompt } from './prompt.js';
import { questionOutputSchema, rejectionReason, toGeneratedQuestion } from './question-output.js';
import { openAIGeneratorName, providerHost, type OpenAIGeneratorOptions } from './provider-host.js';

const ATTEMPTS = 2;

// Servers differ on json_schema support but nearly all accept JSON mode (json_object), so
// the schema is dropped from the request (which also silences the SDK's per-call warning
// about it); the prompt spells the shape out and the SDK still validates against the schema.
const jsonModeOnly: LanguageModelMiddleware = {
  specificationVersion: 'v3',
  transformParams: async ({ params }) =>
    params.responseFormat?.type === 'json'
      ? { ...params, responseFormat: { type: 'json' } }
      : params,
};

export function createOpenAIGenerator(options: OpenAIGeneratorOptions): QuestionGenerator {
  const provider = createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    fetch: createBoundedFetch(undefined, options.fetch),
  });
  const model = wrapLanguageModel({
    model: provider.chatModel(options.model),
    middleware: jsonModeOnly,
  });
  const host = providerHost(options.baseUrl);

  return {
    name: openAIGeneratorName(options),
    async generate(input, { signal }): Promise<GeneratedQuestion> {
      throwIfAborted(signal);
      const context = analyseContext(input.jobPosting, input.resume);
      const plan = planNextQuestion(input, context.posting.requirements);
      let rejection: string | null = null;

      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        try {
          const { object } = await generateObject({
            model,
            schema: questionOutputSchema,
            schemaName: 'interview_question',
            system: SYSTEM_PROMPT,
            prompt: buildUserPrompt(input, plan, rejection),
            abortSignal: signal,
            maxRetries: 0,
            temperature: 0.7,
            maxOutputTokens: 600,
          });
          rejection = rejectionReason(object, plan, input.wantedType);
          if (!rejection) return toGeneratedQuestion(object, plan, context.resume !== null);
        } catch (error) {
          const failure = classifyFailure(error, { signal, providerHost: host });
          // A reply that is not a chat completion at all is a wrong address, not a bad answer.
          if (failure.kind !== 'invalid_output' || APICallError.isInstance(error)) throw failure;
          rejection = 'it was not one JSON object of the required shape';
        }
        if (signal.aborted) throw abortFailure(signal);
      }
      throw new GenerationError(
        'invalid_output',
        `The model did not produce a usable question in two tries (${rejection}). Try again, or configure a more capable model.`,
      );
    },
  };
}

// Questions from any OpenAI-compatible chat model (OpenAI, a local server, a gateway),
// following the same plan as the offline generator. The worker owns the time budget and
// retries across it (the caller's signal carries both), so the SDK's own retries are off; the one retry here is for a reply that
// arrived but could not be used.

import { APICallError, generateObject } from 'ai';
import { createChatModel } from './chat-model.js';
import {
  abortFailure,
  GenerationError,
  throwIfAborted,
  type QuestionGenerator,
} from '../generator.js';
import { planQuestion, type PlannedQuestion } from '../plan/question-plan.js';
import type { GeneratedQuestion, GenerationInput } from '../plan/types.js';
import { classifyFailure } from './generation-failures.js';
import { SYSTEM_PROMPT, buildUserPrompt } from './prompt.js';
import { questionOutputSchema, rejectionReason, toGeneratedQuestion } from './question-output.js';
import { openAIGeneratorName, providerHost, type OpenAIGeneratorOptions } from './provider-host.js';

const ATTEMPTS = 2;

/** Plans the next question; the service passes one that runs in an analysis thread. */
export type QuestionPlanner = (
  input: GenerationInput,
  signal: AbortSignal,
) => Promise<PlannedQuestion>;

export function createOpenAIGenerator(
  options: OpenAIGeneratorOptions,
  planner: QuestionPlanner = async (input) => planQuestion(input),
): QuestionGenerator {
  const model = createChatModel(options);
  const host = providerHost(options.baseUrl);

  return {
    name: openAIGeneratorName(options),
    async generate(input, { signal }): Promise<GeneratedQuestion> {
      throwIfAborted(signal);
      const { plan, hasResume } = await planner(input, signal);
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
          if (!rejection) return toGeneratedQuestion(object, plan, hasResume);
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

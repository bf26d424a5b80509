// The question engine's failure classification, worded for an evaluation: the kinds (and so
// the retry rules) are the same; only the sentences about "the question" change.

import { classifyFailure } from '../openai/generation-failures.js';
import { GenerationError } from './shared.js';

type FailureContext = Parameters<typeof classifyFailure>[1];

export function evaluationFailure(error: unknown, context: FailureContext): GenerationError {
  const failure = classifyFailure(error, context);
  const reworded: Partial<Record<GenerationError['kind'], string>> = {
    timeout:
      'Evaluating the answer took longer than the time allowed and was stopped. Try again in a moment.',
    invalid_output: 'The model did not return feedback in the expected format.',
    aborted:
      'The evaluation was stopped before it finished (the service is shutting down). Start it again.',
  };
  const message = reworded[failure.kind];
  return message ? new GenerationError(failure.kind, message, { cause: failure.cause }) : failure;
}

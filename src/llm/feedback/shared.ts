// Everything this directory takes from the question engine, in one place: the lower layers
// (text/, analysis/, the generator interface) and the OpenAI-compatible provider's naming.
// Nothing here loads the AI SDK: this file is on the start-up path.

export { analyseContext } from '../analysis/context-analysis.js';
export type { Requirement } from '../analysis/types.js';
export {
  abortFailure,
  GenerationError,
  throwIfAborted,
  type JobPostingContext,
  type QuestionFocus,
  type QuestionType,
} from '../generator.js';
export {
  openAIGeneratorName,
  providerHost,
  type OpenAIGeneratorOptions,
} from '../openai/provider-host.js';
export { containment, stemSet, STOPWORDS, tokenize } from '../text/normalise.js';

// Everything this directory takes from the question engine, in one place: when the rest of
// src/llm is re-laid out, only these paths change.

export { analyseContext } from '../context-analysis.js';
export { abortFailure, classifyFailure, throwIfAborted } from '../generation-failures.js';
export {
  GenerationError,
  type JobPostingContext,
  type QuestionFocus,
  type QuestionType,
} from '../generator.js';
export type { Requirement } from '../posting-analysis.js';
export {
  openAIGeneratorName,
  providerHost,
  type OpenAIGeneratorOptions,
} from '../provider-host.js';
export { containment, stemSet, STOPWORDS, tokenize } from '../text-normalise.js';

// PLACEHOLDER written by the lead so the app compiles; the generator owner replaces this file entirely.
import type { QuestionGenerator } from './generator.js';

export interface LlmConfig {
  provider: 'offline' | 'openai';
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
}

export function createQuestionGenerator(_config: LlmConfig): QuestionGenerator {
  let n = 0;
  return {
    name: 'offline',
    async generate(input) {
      n += 1;
      return {
        questionText: `Question ${n}: tell me about ${input.jobPosting.title}?`,
        questionType: 'technical',
        focus: { requirement: input.jobPosting.title, evidence: null, summary: 'placeholder' },
      };
    },
  };
}

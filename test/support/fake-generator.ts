import {
  GenerationError,
  type GeneratedQuestion,
  type GenerationInput,
  type QuestionGenerator,
} from '../../src/llm/generator.js';

type Step = GeneratedQuestion | GenerationError | Error | 'hang';

/**
 * A generator whose behaviour each test scripts: answers, classified failures,
 * or a hang that only the AbortSignal ends. Records every input it was given.
 */
export class FakeGenerator implements QuestionGenerator {
  readonly name = 'fake';
  readonly inputs: GenerationInput[] = [];
  private readonly script: Step[] = [];
  private counter = 0;

  then(...steps: Step[]): this {
    this.script.push(...steps);
    return this;
  }

  async generate(
    input: GenerationInput,
    { signal }: { signal: AbortSignal },
  ): Promise<GeneratedQuestion> {
    this.inputs.push(structuredClone(input));
    const step = this.script.shift();
    if (step === 'hang') {
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
    }
    if (step instanceof Error) throw step;
    if (step) return step;
    this.counter += 1;
    return {
      questionText: `Question ${this.counter} about ${input.jobPosting.title}?`,
      questionType: 'technical',
      focus: {
        requirement: input.jobPosting.title,
        evidence: input.resume ? 'resume' : null,
        summary: 'fake',
      },
    };
  }
}

export const transient = (message = 'The provider is unavailable.') =>
  new GenerationError('unavailable', message);

import {
  GenerationError,
  type GeneratedQuestion,
  type GenerationInput,
  type QuestionGenerator,
} from '../../src/llm/generator.js';

/** Calls started() when the generation begins, then answers as usual once `until` settles. */
export interface Gate {
  started: () => void;
  until: Promise<void>;
}

type Step = GeneratedQuestion | GenerationError | Error | 'hang' | Gate;

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
    if (step && 'until' in step) {
      step.started();
      await step.until;
    } else if (step) return step;
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

/** A gate for then(): `started` resolves when the generation begins, open() lets it finish. */
export function gate(): { step: Gate; started: Promise<void>; open: () => void } {
  let open!: () => void;
  let started!: () => void;
  const until = new Promise<void>((r) => (open = r));
  const begun = new Promise<void>((r) => (started = r));
  return { step: { started, until }, started: begun, open };
}

export const transient = (message = 'The provider is unavailable.') =>
  new GenerationError('unavailable', message);

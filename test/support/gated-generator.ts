import type {
  GenerateOptions,
  GenerationInput,
  QuestionGenerator,
} from '../../src/llm/generator.js';
import { FakeGenerator } from './fake-generator.js';

/**
 * A generator that, once armed, holds its next generation until the test opens the gate:
 * `started` resolves when the worker is inside the generation.
 */
export class GatedGenerator implements QuestionGenerator {
  readonly name = 'gated';
  private readonly inner = new FakeGenerator();
  private gate: {
    started: Promise<void>;
    onStart(): void;
    open(): void;
    opened: Promise<void>;
  } | null = null;

  arm(): { started: Promise<void>; open(): void } {
    let onStart!: () => void;
    let open!: () => void;
    const started = new Promise<void>((resolve) => (onStart = resolve));
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { started, onStart, open, opened };
    return { started, open };
  }

  async generate(input: GenerationInput, options: GenerateOptions) {
    const gate = this.gate;
    if (gate) {
      this.gate = null;
      gate.onStart();
      await gate.opened;
    }
    return this.inner.generate(input, options);
  }
}

// An analysis thread with two test-only tasks beside the real ones: one that spins on the CPU
// until the test lets it go, and one that throws the engine's own error.
import { serveTasks } from '../../src/platform/thread-pool-worker.js';
import { GenerationError } from '../../src/llm/generator.js';
import { composeQuestion } from '../../src/llm/offline/offline-generator.js';
import { evaluateOffline } from '../../src/llm/feedback/offline-evaluator.js';

/**
 * Busy-waits (never yields) until the test stores 1 at index 1 of `gate`, or for at most
 * `maxMs`; stores 1 at index 0 once it has started. Returns whether it was let go.
 */
function spin({ gate, maxMs }: { gate: SharedArrayBuffer; maxMs: number }): boolean {
  const flags = new Int32Array(gate);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  const until = Date.now() + maxMs;
  while (Date.now() < until) if (Atomics.load(flags, 1) === 1) return true;
  return false;
}

function fail({ kind, message }: { kind: GenerationError['kind']; message: string }): never {
  throw new GenerationError(kind, message);
}

serveTasks({ composeQuestion, evaluateOffline, spin, fail });

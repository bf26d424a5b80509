// The main thread's side of the test thread's `spin` task: shared flags [started, let go].

// Node has had Atomics.waitAsync since 16; TypeScript's ES2023 library does not declare it.
const waitAsync = (
  Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: unknown };
  }
).waitAsync;

export function spinGate() {
  const buffer = new SharedArrayBuffer(8);
  const flags = new Int32Array(buffer);
  return {
    buffer,
    /** Resolves once the task has started spinning in its thread. */
    started: async () => {
      const wait = waitAsync(flags, 0, 0);
      if (wait.async) await wait.value;
    },
    release: () => void Atomics.store(flags, 1, 1),
  };
}

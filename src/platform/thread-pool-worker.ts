// The thread side of thread-pool.ts: an entry file loads what its tasks need, then calls
// serveTasks with the functions it offers by name.
import { parentPort } from 'node:worker_threads';

export interface ThreadRequest {
  id: number;
  task: string;
  input: unknown;
}

/** What crosses back for a thrown error: enough to rebuild the same kind with the same words. */
export interface SerialisedError {
  name: string;
  message: string;
  kind?: string;
}

export type ThreadReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerialisedError };

export type Task = (input: never) => unknown;

function serialise(err: unknown): SerialisedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const kind = (err as { kind?: unknown }).kind;
  return {
    name: err.name,
    message: err.message,
    ...(typeof kind === 'string' ? { kind } : {}),
  };
}

/** Answers the pool's requests one at a time; tells the pool once it is ready for them. */
export function serveTasks(tasks: Record<string, Task>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread.');
  port.on('message', async ({ id, task, input }: ThreadRequest) => {
    let reply: ThreadReply;
    try {
      const fn = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
      if (!fn) throw new Error(`No task named ${task} in this thread.`);
      reply = { id, ok: true, value: await fn(input as never) };
    } catch (err) {
      reply = { id, ok: false, error: serialise(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies ThreadReply);
}

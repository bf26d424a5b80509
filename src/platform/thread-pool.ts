// A few worker threads that run named pure functions, so CPU-heavy work never holds the
// event loop. A task that overruns or is aborted has its thread terminated and replaced:
// whatever the input, a thread is never kept forever.
import { Worker } from 'node:worker_threads';
import type { SerialisedError, ThreadReply, ThreadRequest } from './thread-pool-worker.js';

export interface ThreadPoolOptions {
  /** The entry that calls serveTasks(); a .ts source runs through tsx (the tests). */
  entry: URL;
  size: number;
  /** Wall time of one task once a thread has it; past it the thread is terminated. */
  timeoutMs: number;
  /** Heap of one thread. */
  maxHeapMb?: number;
  /** Turns an error thrown in a thread back into the caller's kind of error. */
  revive?: (error: SerialisedError) => Error;
}

export interface ThreadPool {
  run<I, O>(task: string, input: I, signal?: AbortSignal): Promise<O>;
  /** Resolves once a thread has loaded its entry (threads otherwise start on first use). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** The task ran past the pool's hard timeout; its thread was terminated. */
export class ThreadTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The task ran longer than ${timeoutMs} ms and its thread was stopped.`);
    this.name = 'ThreadTimeoutError';
  }
}

/** The thread died under the task (out of memory, among others) or failed to start. */
export class ThreadCrashedError extends Error {
  constructor(cause: unknown) {
    super('The thread running the task stopped unexpectedly.', { cause });
    this.name = 'ThreadCrashedError';
  }
}

interface Job {
  id: number;
  request: ThreadRequest;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  cleanup(): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  timer?: NodeJS.Timeout;
}

const defaultRevive = ({ name, message }: SerialisedError) =>
  Object.assign(new Error(message), { name });

export function createThreadPool(options: ThreadPoolOptions): ThreadPool {
  const revive = options.revive ?? defaultRevive;
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  const readyWaiters: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Thread {
    const fromSource = options.entry.pathname.endsWith('.ts');
    // Loaders given in execArgv do not reach a worker: register tsx inside it first.
    const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(options.entry.href)}); })`;
    const worker = new Worker(fromSource ? bootstrap : options.entry, {
      eval: fromSource,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 },
    });
    // Referenced while it starts or works (a caller awaits it), unreferenced while idle.
    const thread: Thread = { worker, ready: false, job: undefined };
    threads.add(thread);
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        readyWaiters.splice(0).forEach((wake) => wake());
      } else if (thread.job?.id === reply.id) {
        const job = finish(thread);
        if (reply.ok) job.resolve(reply.value);
        else job.reject(revive(reply.error));
      }
      dispatch();
      if (!thread.job) worker.unref();
    });
    const died = (cause: unknown) => {
      if (!threads.delete(thread)) return;
      clearTimeout(thread.timer);
      // A thread that dies before it is ready would die again: fail the next job instead of looping.
      const victim = thread.job ? finish(thread) : thread.ready ? undefined : queue.shift();
      victim?.cleanup();
      victim?.reject(new ThreadCrashedError(cause));
      if (!thread.ready) readyWaiters.splice(0).forEach((wake) => wake());
      dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`thread exited with code ${code}`)));
    return thread;
  }

  function finish(thread: Thread): Job {
    const job = thread.job!;
    thread.job = undefined;
    clearTimeout(thread.timer);
    job.cleanup();
    return job;
  }

  /** Ends a thread now; its job (if any) is rejected with `error`. */
  function kill(thread: Thread, error: unknown) {
    threads.delete(thread);
    const job = thread.job && finish(thread);
    void thread.worker.terminate();
    job?.reject(error);
    dispatch();
  }

  function dispatch() {
    if (closed) return;
    for (const thread of threads) {
      if (!thread.ready || thread.job) continue;
      const job = queue.shift();
      if (!job) return;
      thread.job = job;
      thread.worker.ref();
      thread.timer = setTimeout(
        () => kill(thread, new ThreadTimeoutError(options.timeoutMs)),
        options.timeoutMs,
      );
      thread.worker.postMessage(job.request);
    }
    let starting = [...threads].filter((t) => !t.ready).length;
    while (queue.length > starting && threads.size < options.size) {
      spawn();
      starting += 1;
    }
  }

  return {
    run<I, O>(task: string, input: I, signal?: AbortSignal): Promise<O> {
      if (closed) return Promise.reject(new Error('The thread pool is closed.'));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<O>((resolve, reject) => {
        const id = nextId++;
        const onAbort = () => {
          const queued = queue.indexOf(job);
          if (queued >= 0) {
            queue.splice(queued, 1);
            job.cleanup();
            reject(signal!.reason);
            return;
          }
          const thread = [...threads].find((t) => t.job === job);
          if (thread) kill(thread, signal!.reason);
        };
        const job: Job = {
          id,
          request: { id, task, input },
          signal,
          resolve: resolve as (value: unknown) => void,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        dispatch();
      });
    },
    async warm() {
      if (closed || [...threads].some((t) => t.ready)) return;
      if (threads.size === 0) spawn();
      await new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    async close() {
      closed = true;
      const stopped = new Error('The thread pool was closed.');
      for (const job of queue.splice(0)) {
        job.cleanup();
        job.reject(stopped);
      }
      const all = [...threads];
      threads.clear();
      await Promise.all(
        all.map((thread) => {
          const job = thread.job && finish(thread);
          job?.reject(stopped);
          return thread.worker.terminate();
        }),
      );
      readyWaiters.splice(0).forEach((wake) => wake());
    },
  };
}

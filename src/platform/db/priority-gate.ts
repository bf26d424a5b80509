import { AsyncLocalStorage } from 'node:async_hooks';

// Embedded PostgreSQL (PGlite) has one connection, and it runs on this process's
// thread: while a statement runs, nothing else does, requests' parsing included.
// Under load the worker always has a statement ready (claim, read the context,
// complete), so without a gate it would hold the thread most of the time and every
// 202 would wait behind it. The gate lets one statement (or one transaction) at a
// time onto the connection, and:
// - a request's statement goes before waiting background work (the queue worker);
// - after requests used the connection, background work waits until it has used
//   at most `backgroundShare` of the time since its last statement, so requests that
//   are still on their way (being parsed, their token checked) find the thread free;
// - background work never starves: once its pause is over it goes after at most
//   `backgroundEvery` request statements in a row.
// With no requests about, background statements run back to back, without pauses.

const background = new AsyncLocalStorage<true>();

/** Runs fn (and everything it starts) as background work: its statements yield to requests'. */
export function inBackground<T>(fn: () => T): T {
  return background.run(true, fn);
}

/** True inside inBackground(). */
export const isBackground = (): boolean => background.getStore() === true;

export interface PriorityGate {
  /** Runs fn once nothing else holds the gate; background work waits for requests first. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Waiting now: requests' and background work. */
  readonly waiting: { foreground: number; background: number };
}

export interface PriorityGateOptions {
  /** Most of the connection's time background work takes while requests use it (0..1). */
  backgroundShare?: number;
  /** Once its pause is over, background work goes after at most this many request statements. */
  backgroundEvery?: number;
  /** Milliseconds, monotonic (tests pass their own). */
  now?: () => number;
}

export const BACKGROUND_SHARE = 0.1;
export const BACKGROUND_EVERY = 8;

export function createPriorityGate({
  backgroundShare = BACKGROUND_SHARE,
  backgroundEvery = BACKGROUND_EVERY,
  now = () => performance.now(),
}: PriorityGateOptions = {}): PriorityGate {
  if (!(backgroundShare > 0 && backgroundShare <= 1))
    throw new Error('backgroundShare must be in (0, 1]');
  if (!Number.isInteger(backgroundEvery) || backgroundEvery < 1)
    throw new Error('backgroundEvery must be a positive integer');
  const pauseFactor = (1 - backgroundShare) / backgroundShare;
  const foreground: (() => void)[] = [];
  const backgroundQueue: (() => void)[] = [];
  let busy = false;
  // Request statements granted in a row while background work was waiting.
  let streak = 0;
  // Set when a request's statement ran after the last background one.
  let requestsSinceBackground = false;
  // Background work may go again from this moment, if requests used the connection meanwhile.
  let backgroundFrom = 0;
  let timer: NodeJS.Timeout | undefined;

  const grant = (next: () => void) => {
    busy = true;
    next();
  };

  function dispatch(): void {
    if (busy) return;
    const pauseOver = !requestsSinceBackground || now() >= backgroundFrom;
    const backgroundTurn =
      backgroundQueue.length > 0 &&
      pauseOver &&
      (foreground.length === 0 || streak >= backgroundEvery);
    if (backgroundTurn) {
      streak = 0;
      grant(backgroundQueue.shift() as () => void);
      return;
    }
    const next = foreground.shift();
    if (next) {
      requestsSinceBackground = true;
      if (backgroundQueue.length > 0 && pauseOver) streak += 1;
      grant(next);
      return;
    }
    // Only background work waits, and its pause is not over: come back when it is.
    if (backgroundQueue.length > 0 && !timer) {
      timer = setTimeout(
        () => {
          timer = undefined;
          dispatch();
        },
        Math.max(0, backgroundFrom - now()),
      );
    }
  }

  return {
    async run(fn) {
      const isBg = isBackground();
      await new Promise<void>((resolve) => {
        (isBg ? backgroundQueue : foreground).push(resolve);
        dispatch();
      });
      const started = now();
      try {
        return await fn();
      } finally {
        if (isBg) {
          const ended = now();
          requestsSinceBackground = false;
          backgroundFrom = ended + (ended - started) * pauseFactor;
        }
        busy = false;
        dispatch();
      }
    },
    get waiting() {
      return { foreground: foreground.length, background: backgroundQueue.length };
    },
  };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { createBusyMeter } from '../busy-meter.js';

// Embedded PostgreSQL (PGlite) has one connection, and it runs on this process's
// thread: while a statement runs, nothing else does, requests' parsing included.
// Under load the worker always has a statement ready (claim, read the context,
// complete), so without a gate it would hold the thread most of the time and every
// 202 would wait behind it. The gate lets one statement (or one transaction) at a
// time onto the connection, and:
// - a request's statement goes before waiting background work (the queue worker);
// - while requests are busy (`BUSY_STATEMENTS` request statements within
//   `BUSY_WINDOW_MS`), background work takes at most `backgroundShare` of the time:
//   after a background statement of d ms the next waits until d / share ms after it
//   began (back-to-back ones add up), so requests still on their way (being parsed,
//   their token checked) find the thread free;
// - background work never starves: once its pause is over it goes after at most
//   `backgroundEvery` request statements in a row.
// A single user's request or two is not "busy": the worker then runs without pauses.

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
export const BUSY_STATEMENTS = 8;
export const BUSY_WINDOW_MS = 100;

export function createPriorityGate({
  backgroundShare = BACKGROUND_SHARE,
  backgroundEvery = BACKGROUND_EVERY,
  now = () => performance.now(),
}: PriorityGateOptions = {}): PriorityGate {
  if (!(backgroundShare > 0 && backgroundShare <= 1))
    throw new Error('backgroundShare must be in (0, 1]');
  if (!Number.isInteger(backgroundEvery) || backgroundEvery < 1)
    throw new Error('backgroundEvery must be a positive integer');
  const foreground: (() => void)[] = [];
  const backgroundQueue: (() => void)[] = [];
  let busy = false;
  // Request statements granted in a row while background work was waiting.
  let streak = 0;
  // Request statements granted lately.
  const recent = createBusyMeter(BUSY_STATEMENTS, BUSY_WINDOW_MS, now);
  // While requests are busy, background work may go again from this moment.
  let backgroundFrom = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  const grant = (next: () => void) => {
    busy = true;
    next();
  };

  function dispatch(): void {
    if (busy) return;
    const at = now();
    const pauseOver = at >= backgroundFrom || !recent.busy(at);
    if (
      backgroundQueue.length > 0 &&
      pauseOver &&
      (foreground.length === 0 || streak >= backgroundEvery)
    ) {
      streak = 0;
      // Background work starts on the event loop's next turn, never straight away: PGlite's
      // statements settle as microtasks, so a busy worker's chain of them (claim, context,
      // complete, the next claim) would otherwise run for seconds without the loop reading
      // a socket or firing a timer, /healthz included.
      busy = true;
      setImmediate(backgroundQueue.shift() as () => void);
      return;
    }
    const next = foreground.shift();
    if (next) {
      recent.note(at);
      if (backgroundQueue.length > 0 && pauseOver) streak += 1;
      grant(next);
      return;
    }
    // Only background work waits, and it is paused: come back when the pause or the rush is over.
    if (backgroundQueue.length > 0 && !timer) {
      const until = Math.min(backgroundFrom, recent.quietAt());
      timer = setTimeout(
        () => {
          timer = undefined;
          dispatch();
        },
        Math.max(1, until - at),
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
          backgroundFrom = recent.busy(ended)
            ? Math.max(backgroundFrom, started) + (ended - started) / backgroundShare
            : -Infinity;
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

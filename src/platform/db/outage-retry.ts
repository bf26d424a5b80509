import { setTimeout as sleep } from 'node:timers/promises';
import { isDatabaseUnavailableError } from './errors.js';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

/**
 * Runs fn, and again with back-off while it fails because the database is unreachable,
 * for up to withinMs; any other error, or an outage that outlasts withinMs, is thrown.
 * Only for statements that are safe to repeat: reads, and guarded writes that do
 * nothing the second time.
 */
export async function retryWhileUnavailable<T>(fn: () => Promise<T>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await fn();
    } catch (err) {
      if (!isDatabaseUnavailableError(err) || Date.now() + delay > deadline) throw err;
      await sleep(delay);
    }
  }
}

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/** The same object, with the named methods wrapped in retryWhileUnavailable (each with its bound). */
export function withOutageRetries<T extends object>(
  target: T,
  bounds: Partial<Record<AsyncMethods<T>, number>>,
): T {
  const wrapped = { ...target };
  for (const [name, withinMs] of Object.entries(bounds) as [keyof T, number][]) {
    const method = target[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<keyof T, unknown>)[name] = (...args: unknown[]) =>
      retryWhileUnavailable(() => method.apply(target, args), withinMs);
  }
  return wrapped;
}

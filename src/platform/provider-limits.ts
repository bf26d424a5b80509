// In-flight limits per model provider (one per base URL), with back-pressure: a 429
// pauses that provider until its Retry-After and halves its in-flight limit, which then
// grows back by one per round of successful calls (additive increase, multiplicative
// decrease). Calls wait for a slot in FIFO order; a caller's signal (its time budget)
// ends the wait.

export interface ProviderState {
  /** The in-flight limit in force now (lowered after a 429, recovering after). */
  limit: number;
  inFlight: number;
  waiting: number;
  /** Epoch ms until which no call starts (a Retry-After); 0 when not paused. */
  pausedUntil: number;
}

export interface ProviderLimiter {
  /** Waits for a slot of `key` (and out any pause), runs `fn`, frees the slot. */
  run<T>(key: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T>;
  /** The provider answered 429: pause it for `retryAfterMs` (a default when absent), halve its limit. */
  rateLimited(key: string, retryAfterMs: number | undefined): void;
  /** How many more calls `key` would start now (0 while it is paused). */
  headroom(key: string): number;
  /** Calls started or waiting on every provider but `key`. */
  busyElsewhere(key: string): number;
  state(key: string): ProviderState;
  /** A fetch whose every request runs under `key`'s limit and reports its 429s. */
  fetch(key: string, base?: typeof fetch): typeof fetch;
}

/** The limiter and the lane of the server's own generator, as the worker's claims see them. */
export interface ModelProviders {
  limiter: ProviderLimiter;
  /** The server's own generator's lane: its provider's limiter key, 'offline' or 'injected'. */
  serverKey: string;
  /** The offline generator's bound (its threads), which no limiter gates; else undefined. */
  fixedLimit?: number;
}

export interface ProviderLimiterOptions {
  /** The most calls in flight per provider. */
  maxInFlight: number;
  /** Pause after a 429 without a usable Retry-After. */
  defaultPauseMs?: number;
  /** The longest pause a Retry-After may ask for. */
  maxPauseMs?: number;
  now?: () => number;
}

interface Provider {
  limit: number;
  inFlight: number;
  waiters: Array<() => void>;
  pausedUntil: number;
  timer: NodeJS.Timeout | undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The provider a base URL names: origin and path, without credentials, query or a final slash. */
export function providerKey(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl;
  }
}

export function createProviderLimiter(options: ProviderLimiterOptions): ProviderLimiter {
  const max = Math.max(1, options.maxInFlight);
  const defaultPauseMs = options.defaultPauseMs ?? 1_000;
  const maxPauseMs = options.maxPauseMs ?? 60_000;
  const now = options.now ?? Date.now;
  const providers = new Map<string, Provider>();

  const get = (key: string): Provider => {
    let p = providers.get(key);
    if (!p) {
      p = { limit: max, inFlight: 0, waiters: [], pausedUntil: 0, timer: undefined };
      providers.set(key, p);
    }
    return p;
  };
  const paused = (p: Provider) => p.pausedUntil > now();

  // Starts waiters while there is room; forgets an idle provider at its full limit.
  function dispatch(key: string, p: Provider) {
    while (p.waiters.length > 0 && !paused(p) && p.inFlight < Math.floor(p.limit)) {
      p.inFlight += 1;
      p.waiters.shift()!();
    }
    if (p.inFlight === 0 && p.waiters.length === 0 && !paused(p) && p.limit >= max) {
      providers.delete(key);
    }
  }

  async function acquire(key: string, signal: AbortSignal | undefined): Promise<Provider> {
    const p = get(key);
    if (signal?.aborted) throw signal.reason;
    if (p.waiters.length === 0 && !paused(p) && p.inFlight < Math.floor(p.limit)) {
      p.inFlight += 1;
      return p;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = p.waiters.indexOf(start);
        if (i >= 0) p.waiters.splice(i, 1);
        reject(signal!.reason);
      };
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      p.waiters.push(start);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return p;
  }

  const limiter: ProviderLimiter = {
    async run(key, signal, fn) {
      const p = await acquire(key, signal);
      try {
        return await fn();
      } finally {
        p.inFlight -= 1;
        dispatch(key, p);
      }
    },
    rateLimited(key, retryAfterMs) {
      const p = get(key);
      const pauseMs = Math.min(maxPauseMs, retryAfterMs ?? defaultPauseMs);
      p.pausedUntil = Math.max(p.pausedUntil, now() + pauseMs);
      // Halve at most once per pause: the calls already in flight answer 429 together.
      if (!p.timer) p.limit = Math.max(1, Math.floor(p.limit / 2));
      clearTimeout(p.timer);
      p.timer = setTimeout(
        () => {
          p.timer = undefined;
          p.pausedUntil = 0;
          dispatch(key, p);
        },
        Math.max(0, p.pausedUntil - now()),
      );
      p.timer.unref();
    },
    headroom(key) {
      const p = providers.get(key);
      if (!p) return max;
      if (paused(p)) return 0;
      return Math.max(0, Math.floor(p.limit) - p.inFlight - p.waiters.length);
    },
    busyElsewhere(key) {
      let n = 0;
      for (const [k, p] of providers) if (k !== key) n += p.inFlight + p.waiters.length;
      return n;
    },
    state(key) {
      const p = providers.get(key);
      return p
        ? {
            limit: Math.floor(p.limit),
            inFlight: p.inFlight,
            waiting: p.waiters.length,
            pausedUntil: paused(p) ? p.pausedUntil : 0,
          }
        : { limit: max, inFlight: 0, waiting: 0, pausedUntil: 0 };
    },
    fetch(key, base = globalThis.fetch) {
      return (input, init) =>
        limiter.run(key, init?.signal ?? undefined, async () => {
          const response = await base(input, init);
          const p = get(key);
          if (response.status === 429) {
            limiter.rateLimited(key, parseRetryAfter(response.headers.get('retry-after'), now()));
          } else if (response.status < 500 && p.limit < max) {
            // One more slot per round of answered calls.
            p.limit = Math.min(max, p.limit + 1 / Math.floor(p.limit));
          }
          return response;
        });
    },
  };
  return limiter;
}

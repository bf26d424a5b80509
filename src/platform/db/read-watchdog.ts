import type pg from 'pg';

/** What the watchdog reads of a pooled connection: the statement it waits on, if any. */
interface WatchedClient {
  /** pg's statement in flight on this connection (null or undefined while idle). */
  _activeQuery?: object | null;
  connection: { stream: { destroy(err?: Error): void } };
}

export interface ReadWatchdog {
  /** Lets one connection's statements run as long as they need (migrations), until undone. */
  exempt(client: pg.PoolClient): () => void;
  stop(): void;
}

/** The error a connection that stopped answering is closed with (classified as unavailable). */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Closes any pooled connection whose statement has not been answered within about
 * timeoutMs (a server that hangs, or a network that drops packets without a reset): its
 * statements fail as "Query read timeout" and the pool opens a new connection next time.
 * pg's own `query_timeout` does the same with a timer per statement, which cost about a
 * tenth of a cheap request's CPU and a third of its p99; here one interval looks at every
 * connection, so a hang is detected between timeoutMs and timeoutMs plus a sixth of it.
 */
export function watchReads(pool: pg.Pool, timeoutMs: number): ReadWatchdog {
  const seen = new Map<WatchedClient, { query: object; since: number }>();
  const clients = new Set<WatchedClient>();
  const exempted = new Set<WatchedClient>();
  const asWatched = (c: pg.PoolClient) => c as unknown as WatchedClient;
  pool.on('connect', (c) => void clients.add(asWatched(c)));
  pool.on('remove', (c) => {
    clients.delete(asWatched(c));
    seen.delete(asWatched(c));
  });

  const sweep = () => {
    const now = Date.now();
    for (const c of clients) {
      const query = c._activeQuery;
      if (!query || exempted.has(c)) {
        seen.delete(c);
        continue;
      }
      const last = seen.get(c);
      if (last?.query !== query) seen.set(c, { query, since: now });
      else if (now - last.since >= timeoutMs) {
        seen.delete(c);
        clients.delete(c);
        c.connection.stream.destroy(new Error(READ_TIMEOUT_MESSAGE));
      }
    }
  };
  // A statement is first seen up to one interval after it started, and closed at the first
  // look once timeoutMs have passed since: never before timeoutMs, at most two intervals after.
  const interval = Math.max(10, Math.floor(timeoutMs / 12));
  const timer = setInterval(sweep, interval);
  timer.unref();

  return {
    exempt(client) {
      const c = asWatched(client);
      exempted.add(c);
      return () => void exempted.delete(c);
    },
    stop: () => clearInterval(timer),
  };
}

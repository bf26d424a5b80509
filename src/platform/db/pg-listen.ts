import pg from 'pg';
import type { Logger } from '../logger.js';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * LISTEN on a connection of its own that outlives any query. When it drops (the server
 * restarted, the network failed), it reconnects with capped exponential back-off for as
 * long as it takes, and calls onNotify('') once listening again: anything sent meanwhile
 * was missed. The first connection must succeed; its error is the caller's.
 */
export async function listenWithReconnect(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  listeners: Set<pg.Client>,
  log: Logger,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delayMs = FIRST_RETRY_MS;
  let outage = false;
  let starting = true; // the first attempt's failure is thrown, not retried

  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void attempt().catch(() => undefined); // a failed attempt schedules the next one itself
    }, delayMs);
    delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
  };

  async function attempt(): Promise<void> {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
    });
    let lost = false;
    // 'error', 'end' and a rejected connect can all report the same loss: handle it once.
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      listeners.delete(client);
      if (current === client) current = undefined;
      client.end().catch(() => undefined);
      if (stopped || starting) return;
      if (!outage) {
        outage = true;
        log.warn({ err: err?.message, channel }, 'listen connection lost; reconnecting');
      }
      retry();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => msg.channel === channel && onNotify(msg.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      onLost(err as Error);
      throw err;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    listeners.add(client);
    current = client;
    delayMs = FIRST_RETRY_MS;
    if (outage) log.info({ channel }, 'listening again');
    outage = false;
    onNotify(''); // anything sent while we were not listening is picked up now
  }

  await attempt();
  starting = false;
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const client = current;
    current = undefined;
    if (client) {
      listeners.delete(client);
      await client.end().catch(() => undefined);
    }
  };
}

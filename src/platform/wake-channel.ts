import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';

/**
 * A hint that something happened ("new work", "operation X finished"): listeners in
 * this process hear it at once, and with PostgreSQL other processes hear it through
 * NOTIFY. It is sent after the change committed, never inside the writing transaction:
 * PostgreSQL serialises commits that NOTIFY, which halved the 202's throughput. A lost
 * hint costs only latency; listeners also poll.
 */
export interface WakeChannel {
  /** '' means "anything may have changed"; otherwise an id. */
  publish(payload: string): void;
  subscribe(handler: (payload: string) => void): Promise<() => Promise<void>>;
}

// NOTIFY payloads must stay under 8000 bytes; ids are 36 characters and a comma.
const MAX_BATCH = 150;
// Under a burst of 202s, back-to-back NOTIFYs cost about 25 us of CPU per request (ours
// and the database's; a quarter of the gap to the bench's floor). At most one per 5 ms
// delays other processes' wake-ups by at most 5 ms; a publication after a quiet spell goes at once.
const NOTIFY_GAP_MS = 5;

/** A NOTIFY's payload: who sent it, a space, then the comma-separated payloads. */
const signed = (sender: string, batch: string[]) => `${sender} ${batch.join(',')}`;

export function createWakeChannel(
  db: Database,
  channel: string,
  log: Logger,
  gapMs = NOTIFY_GAP_MS,
): WakeChannel {
  const local = new Set<(payload: string) => void>();
  // PostgreSQL delivers a NOTIFY to every LISTEN, this process's own too: the channel signs
  // what it sends and ignores its own, which its local listeners heard at once. (Under load
  // the echo woke this process's worker a second time for every 202, each a claim.)
  const self = randomBytes(6).toString('hex');
  const queued = new Set<string>();
  let sending = false;
  let lastSent = -Infinity;

  // One NOTIFY in flight at a time, and a pause between two: whatever is published
  // meanwhile goes out in the next one.
  async function flush(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      while (queued.size > 0) {
        const wait = lastSent + gapMs - performance.now();
        if (wait > 0) await sleep(wait);
        lastSent = performance.now();
        const batch = queued.has('') ? [''] : [...queued].slice(0, MAX_BATCH);
        if (batch[0] === '') queued.clear();
        else batch.forEach((p) => queued.delete(p));
        await db
          .query('SELECT pg_notify($1, $2)', [channel, signed(self, batch)], `notify_${channel}`)
          .catch((err: unknown) => log.warn({ err, channel }, 'could not notify other processes'));
      }
    } finally {
      sending = false;
    }
  }

  return {
    publish(payload) {
      for (const handler of local) handler(payload);
      if (db.mode !== 'postgres') return; // embedded: this is the only process
      queued.add(payload);
      void flush();
    },
    async subscribe(handler) {
      local.add(handler);
      const unlisten =
        db.mode === 'postgres'
          ? await db.listen(channel, (payload) => {
              if (payload === '') return handler(''); // reconnected: anything may have changed
              const space = payload.indexOf(' ');
              if (space >= 0 && payload.slice(0, space) === self) return;
              for (const p of payload.slice(space + 1).split(',')) handler(p);
            })
          : async () => {};
      return async () => {
        local.delete(handler);
        await unlisten();
      };
    },
  };
}

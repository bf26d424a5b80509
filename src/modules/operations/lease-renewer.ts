import type { Logger } from '../../platform/logger.js';
import type { ClaimedOperation, GenerationQueueRepository } from './generation-queue.repository.js';

export interface LeaseRenewer {
  /** Keeps this claim's lease renewed until the returned function is called. */
  hold(op: ClaimedOperation, log: Logger): () => void;
  /** Stops renewing (the claims still held lapse at their lease). */
  stop(): void;
}

/**
 * One timer and one statement per process renew every claim it holds, every third of the
 * lease: with hundreds of generations in flight that is one UPDATE every few seconds, not
 * hundreds. A claim that is no longer held (another claim took it over) is reported once.
 */
export function createLeaseRenewer(
  queue: Pick<GenerationQueueRepository, 'renewMany'>,
  leaseMs: number,
  log: Logger,
): LeaseRenewer {
  const held = new Map<string, { op: ClaimedOperation; log: Logger }>();
  let timer: NodeJS.Timeout | undefined;
  let renewing = false;

  async function renewAll() {
    if (renewing || held.size === 0) return;
    renewing = true;
    const claims = [...held.values()];
    try {
      const still = await queue.renewMany(
        claims.map((c) => c.op),
        leaseMs,
      );
      for (const c of claims) {
        if (still.has(c.op.id) || held.get(c.op.id) !== c) continue;
        c.log.warn('lease lost to another claim; its result will be dropped');
        held.delete(c.op.id);
      }
    } catch (err) {
      log.warn({ err, claims: claims.length }, 'renewing leases failed; will retry');
    } finally {
      renewing = false;
    }
  }

  return {
    hold(op, opLog) {
      const entry = { op, log: opLog };
      held.set(op.id, entry);
      if (!timer) {
        timer = setInterval(() => void renewAll(), leaseMs / 3);
        timer.unref();
      }
      return () => {
        if (held.get(op.id) === entry) held.delete(op.id);
        if (held.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    stop() {
      held.clear();
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

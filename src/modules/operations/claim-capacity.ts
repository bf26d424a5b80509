import { getHeapStatistics } from 'node:v8';
import type { ModelProviders } from '../../platform/provider-limits.js';

/** Past this share of the heap limit the worker claims nothing until memory is freed. */
export const HEAP_CLAIM_LIMIT = 0.75;

/** While the API's requests are busy, a worker in the same process claims one operation this often. */
export const BUSY_CLAIM_INTERVAL_MS = 100;

/** The share of the heap limit in use now. */
export function heapInUse(): number {
  const { used_heap_size, heap_size_limit } = getHeapStatistics();
  return used_heap_size / heap_size_limit;
}

/**
 * How many more operations this process takes on: as many as the server's own provider
 * has room for (its in-flight limit, nothing while a 429 pauses it; the offline generator's
 * threads), counting every job as the server provider's until it waits on another one (a
 * user's own model), and nothing while the heap is nearly full. In an API process it yields
 * to requests: while `yieldNow` says so (requests are busy and the CPU is saturated) it
 * claims one operation per BUSY_CLAIM_INTERVAL_MS, so the backlog still moves and the CPU
 * goes to the answers.
 */
export function claimCapacity(
  { limiter, serverKey, fixedLimit }: ModelProviders,
  {
    heapShare = heapInUse,
    yieldNow,
    now = () => performance.now(),
  }: { heapShare?: () => number; yieldNow?: () => boolean; now?: () => number } = {},
): (running: number) => number {
  let nextBusyClaim = -Infinity;
  return (running) => {
    if (heapShare() > HEAP_CLAIM_LIMIT) return 0;
    const onServer = running - limiter.busyElsewhere(serverKey);
    let room: number;
    if (fixedLimit !== undefined) room = fixedLimit - onServer;
    else {
      const { limit, pausedUntil } = limiter.state(serverKey);
      room = pausedUntil > 0 ? 0 : limit - onServer;
    }
    if (room <= 0 || !yieldNow?.()) return room;
    const at = now();
    if (at < nextBusyClaim) return 0;
    nextBusyClaim = at + BUSY_CLAIM_INTERVAL_MS;
    return 1;
  };
}

import { getHeapStatistics } from 'node:v8';
import type { ProviderLimiter } from '../../platform/provider-limits.js';

/** Past this share of the heap limit the worker claims nothing until memory is freed. */
export const HEAP_CLAIM_LIMIT = 0.75;

/** The share of the heap limit in use now. */
export function heapInUse(): number {
  const { used_heap_size, heap_size_limit } = getHeapStatistics();
  return used_heap_size / heap_size_limit;
}

/**
 * How many more operations this process takes on: as many as the server's own provider
 * has room for (its in-flight limit, nothing while a 429 pauses it; the offline generator's
 * threads), counting every job as the server provider's until it waits on another one (a
 * user's own model), and nothing while the heap is nearly full.
 */
export function claimCapacity(
  {
    limiter,
    serverKey,
    fixedLimit,
  }: { limiter: ProviderLimiter; serverKey: string; fixedLimit?: number | undefined },
  heapShare: () => number = heapInUse,
): (running: number) => number {
  return (running) => {
    if (heapShare() > HEAP_CLAIM_LIMIT) return 0;
    const onServer = running - limiter.busyElsewhere(serverKey);
    if (fixedLimit !== undefined) return fixedLimit - onServer;
    const { limit, pausedUntil } = limiter.state(serverKey);
    return pausedUntil > 0 ? 0 : limit - onServer;
  };
}

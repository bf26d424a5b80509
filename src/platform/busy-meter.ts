import { performance } from 'node:perf_hooks';

/**
 * "Busy" means at least `events` events within the last `windowMs`: requests on an API
 * process, or request statements on the embedded database's one connection. Background
 * work (the queue worker) reads it to yield to requests. Constant memory and time per event.
 */
export interface BusyMeter {
  /** One event now (`at`, monotonic milliseconds). */
  note(at?: number): void;
  busy(at?: number): boolean;
  /** When it stops being busy if nothing more happens. */
  quietAt(): number;
}

export function createBusyMeter(
  events: number,
  windowMs: number,
  now: () => number = () => performance.now(),
): BusyMeter {
  if (!Number.isInteger(events) || events < 1) throw new Error('events must be a positive integer');
  // The times of the last `events` events, a ring: `next` is the oldest once it is full.
  const times = new Float64Array(events);
  let count = 0;
  let next = 0;
  const oldest = () => (count < events ? -Infinity : times[next]!);
  return {
    note(at = now()) {
      times[next] = at;
      next = (next + 1) % events;
      count = Math.min(count + 1, events);
    },
    busy: (at = now()) => count === events && at - oldest() < windowMs,
    quietAt: () => oldest() + windowMs,
  };
}

/**
 * Whether this thread's event loop was busy more than `threshold` of the time over the
 * last sample (about `sampleMs`): CPU saturation, whatever the hardware. Cheap to ask often.
 */
export function eventLoopSaturation(
  threshold = 0.8,
  sampleMs = 100,
  now: () => number = () => performance.now(),
): () => boolean {
  let mark = performance.eventLoopUtilization();
  let markedAt = now();
  let saturated = false;
  return () => {
    const at = now();
    if (at - markedAt >= sampleMs) {
      saturated = performance.eventLoopUtilization(mark).utilization > threshold;
      mark = performance.eventLoopUtilization();
      markedAt = at;
    }
    return saturated;
  };
}

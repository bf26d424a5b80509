/** Thrown when a semaphore's queue is full: the caller should refuse the work, not wait. */
export class QueueFullError extends Error {
  constructor() {
    super('too many waiting');
    this.name = 'QueueFullError';
  }
}

export interface Semaphore {
  /** Runs fn once fewer than `limit` others run; throws QueueFullError past `maxWaiting` waiting. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

/** A counting semaphore with a FIFO queue; `limit` 0 means no limit. */
export function createSemaphore(limit: number, maxWaiting = Infinity): Semaphore {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active -= 1;
    const next = queue.shift();
    if (next) {
      active += 1;
      next();
    }
  };
  return {
    async run(fn) {
      if (limit > 0) {
        if (active >= limit) {
          if (queue.length >= maxWaiting) throw new QueueFullError();
          await new Promise<void>((resolve) => queue.push(resolve));
        } else {
          active += 1;
        }
      } else {
        active += 1;
      }
      try {
        return await fn();
      } finally {
        if (limit > 0) release();
        else active -= 1;
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  operationsCreated: Counter;
  operationsCompleted: Counter;
  operationsFailed: Counter;
  generationDuration: Histogram;
  pickupLatency: Histogram;
  queueDepth: Gauge;
}

/** One registry per process (never the global one), so tests can build many apps. */
export function createMetrics(readQueueDepth: () => Promise<number>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operationsCreated: new Counter({
      name: 'operations_created_total',
      help: 'Question generation operations created by this process.',
      registers: [registry],
    }),
    operationsCompleted: new Counter({
      name: 'operations_completed_total',
      help: 'Operations this process completed with a stored question.',
      registers: [registry],
    }),
    operationsFailed: new Counter({
      name: 'operations_failed_total',
      help: 'Operations this process marked failed.',
      registers: [registry],
    }),
    generationDuration: new Histogram({
      name: 'question_generation_duration_seconds',
      help: 'Time from claim to stored outcome of one generation.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    pickupLatency: new Histogram({
      name: 'operation_pickup_latency_seconds',
      help: 'Time from an operation being created to a worker claiming it.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'operations_queue_depth',
      help: 'Operations waiting for a worker (pending), read from the database at scrape time.',
      registers: [registry],
      async collect() {
        this.set(await readQueueDepth());
      },
    }),
  };
}

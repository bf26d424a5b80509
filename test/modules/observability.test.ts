import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { loadConfig } from '../../src/config.js';
import type { QueueWorker } from '../../src/platform/queue.js';
import { GenerationError } from '../../src/llm/generator.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { TEST_JWT_SECRET } from '../support/harness.js';
import { createSession, createUser, requestQuestion } from '../support/factories.js';
import type { FastifyInstance } from 'fastify';
import { startWorker } from '../../src/start-worker.js';

const metricValue = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
};

describe('observability', () => {
  const lines: Record<string, unknown>[] = [];
  const generator = new FakeGenerator();
  let deps: Deps;
  let app: FastifyInstance;
  let worker: QueueWorker;
  let database: TestDatabase;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, GENERATION_RATE_LIMIT: '0' });
    database = await createTestDatabase(log);
    deps = await createDeps(config, { log, db: database.db, generator });
    app = await buildApp(deps);
    worker = await startWorker(deps, { autoStart: false });
  });
  afterAll(async () => {
    await app.close();
    await worker.stop(100);
    await deps.close();
    await database.drop();
  });

  it('counts operations and measures generation, pickup and queue depth at /metrics', async () => {
    const user = await createUser(app);
    const session = await createSession(app, user);
    generator.then(new GenerationError('rejected_key', 'The key was rejected.'));
    await requestQuestion(app, user, session.id);
    await requestQuestion(app, user, session.id);
    await requestQuestion(app, user, session.id);

    const before = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metricValue(before, 'operations_created_total')).toBe(3);
    expect(metricValue(before, 'operations_queue_depth')).toBe(3);

    await worker.drain();
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const after = res.body;
    const rows = await deps.db.query(
      'SELECT status, error_message, attempts FROM operations ORDER BY seq',
    );
    expect(metricValue(after, 'operations_completed_total'), JSON.stringify(rows)).toBe(2);
    expect(metricValue(after, 'operations_failed_total')).toBe(1);
    expect(metricValue(after, 'operations_queue_depth')).toBe(0);
    expect(metricValue(after, 'question_generation_duration_seconds_count')).toBe(3);
    expect(metricValue(after, 'operation_pickup_latency_seconds_count')).toBe(3);
  });

  it('puts operation_id and session_id on every worker log line', async () => {
    const workerLines = lines.filter((l) => l.worker_id !== undefined && l.msg !== undefined);
    expect(workerLines.length).toBeGreaterThan(0);
    for (const line of workerLines) {
      expect(line).toMatchObject({
        operation_id: expect.any(String),
        session_id: expect.any(String),
      });
    }
    expect(workerLines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['question generated', 'question generation failed']),
    );
  });

  it('never logs a token or a password', async () => {
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/correct horse battery|Bearer ey/);
  });
});

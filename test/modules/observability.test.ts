import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationError } from '../../src/llm/generator.js';
import { createSession, createUser, requestQuestion } from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { buildTestApp, logCapture, type TestApp } from '../support/harness.js';

const metricValue = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
};

describe('observability', () => {
  const { log, lines } = logCapture();
  const generator = new FakeGenerator();
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ generator, log, logRequests: true });
  });
  afterAll(() => t.close());

  it('counts operations and measures generation, pickup and queue depth at /metrics', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    generator.then(new GenerationError('rejected_key', 'The key was rejected.'));
    await requestQuestion(t.app, user, session.id);
    await requestQuestion(t.app, user, session.id);
    await requestQuestion(t.app, user, session.id);

    const before = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metricValue(before, 'operations_created_total')).toBe(3);
    expect(metricValue(before, 'operations_queue_depth')).toBe(3);

    expect(await t.worker.drain()).toBe(3);
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const after = res.body;
    const rows = await t.deps.db.query(
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

  it('never logs a token or a password, with a line for every request', async () => {
    // Request logging is on here, so every authenticated request above had its line.
    const requests = lines.filter((l) => l.msg === 'incoming request');
    expect(requests.length).toBeGreaterThanOrEqual(6);
    const user = await createUser(t.app);
    const logged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(logged.statusCode).toBe(200);
    const text = JSON.stringify(lines);
    expect(text).toContain('/api/v1/users/me');
    expect(text).not.toContain(user.token);
    expect(text).not.toMatch(/correct horse battery|Bearer ey/);
  });
});

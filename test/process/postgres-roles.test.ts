import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';
import { TEST_JWT_SECRET } from '../support/harness.js';
import {
  api,
  spawnService,
  startServer,
  untilCompleted,
  type ServerProcess,
} from '../support/server-process.js';

// With DATABASE_URL: API processes without a worker, and `npm run worker` processes beside them.
describe.skipIf(!TEST_DATABASE_URL)('API and worker processes on PostgreSQL', () => {
  let database: TestDatabase;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
    await database.db.close();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
    await database.drop();
  });

  it('serves from two API processes while a separate worker generates, and all stop with exit 0', async () => {
    const env = {
      DATABASE_URL: database.url!,
      JWT_SECRET: TEST_JWT_SECRET,
      WORKER_IN_API: 'false',
    };
    const [apiA, apiB] = await Promise.all([startServer(env), startServer(env)]);
    running.push(apiA, apiB);
    expect(apiA.output()).toMatch(/"worker":"off"/);

    const email = `roles-${Date.now()}@example.com`;
    await api(apiA.url, 'POST', '/api/v1/auth/register', {
      email,
      password: 'long enough',
      full_name: 'R',
    });
    // A token from one API process is good at the other: they share JWT_SECRET.
    const token = (
      await api(apiB.url, 'POST', '/api/v1/auth/login', { email, password: 'long enough' })
    ).json.access_token;
    const posting = (
      await api(
        apiA.url,
        'POST',
        '/api/v1/job-postings',
        { title: 'Teacher', description: 'Year 5 class.' },
        token,
      )
    ).json;
    const session = (
      await api(apiB.url, 'POST', '/api/v1/sessions', { job_posting_id: posting.id }, token)
    ).json;
    const accepted = await api(
      apiA.url,
      'POST',
      `/api/v1/sessions/${session.id}/generate-question`,
      undefined,
      token,
    );
    expect(accepted.status).toBe(202);

    // Nobody runs workers yet: the operation waits.
    const waiting = await api(
      apiB.url,
      'GET',
      `/api/v1/operations/${accepted.json.id}?wait=0.3`,
      undefined,
      token,
    );
    expect(waiting.json.status).toBe('pending');

    const worker = spawnService('worker', {
      DATABASE_URL: database.url!,
      JWT_SECRET: TEST_JWT_SECRET,
    });
    // Long-polls at API B see the worker's result (woken by its NOTIFY); polled under a
    // hang guard, since the worker's start and first generation take long on a loaded machine.
    await untilCompleted(apiB.url, token, accepted.json.id);
    const messages = await api(
      apiA.url,
      'GET',
      `/api/v1/sessions/${session.id}/messages`,
      undefined,
      token,
    );
    expect(messages.json).toHaveLength(1);

    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(await apiA.stop()).toBe(0);
    expect(await apiB.stop()).toBe(0);
  });
});

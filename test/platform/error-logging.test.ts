import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createLogger } from '../../src/platform/logger.js';
import { serializeError } from '../../src/platform/log-errors.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_JWT_SECRET } from '../support/harness.js';

describe('database errors in the logs', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let deps: Deps;
  let app: FastifyInstance;

  beforeAll(async () => {
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info' });
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', sink);
    database = await createTestDatabase(log);
    deps = await createDeps(config, { log, db: database.db });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await deps.close();
    await database.drop();
  });

  it('logs a failed register without the email, the name or the password hash', async () => {
    // Forces the INSERT to fail inside the database, after the hash is computed.
    await deps.db.query(
      "ALTER TABLE users ADD CONSTRAINT users_probe CHECK (full_name <> 'Ada Probe')",
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email: 'ada.probe@example.com',
        password: 'correct horse',
        full_name: 'Ada Probe',
      },
    });
    await deps.db.query('ALTER TABLE users DROP CONSTRAINT users_probe');
    expect(res.statusCode).toBe(500);
    const logged = lines.join('');
    expect(logged).toMatch(/unhandled error/);
    // The request's logger is made when it first logs, and still names the request.
    const line = lines.find((l) => l.includes('unhandled error'));
    expect(JSON.parse(line!)).toMatchObject({ reqId: expect.stringMatching(/^req-/) });
    expect(logged).toMatch(/users_probe/); // the error itself is still there to act on
    expect(logged).not.toMatch(/ada\.probe@example\.com/);
    expect(logged).not.toMatch(/Ada Probe/);
    expect(logged).not.toMatch(/argon2/);
    expect(logged).not.toMatch(/params/);
  });

  it('masks values quoted in a PostgreSQL message and drops its detail', () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), {
      severity: 'ERROR',
      code: '22P02',
      detail: 'Key (email)=(a@b.example) already exists.',
    });
    const query = Object.assign(new Error('Failed query: select $1\nparams: a@b.example'), {
      query: 'select $1',
      params: ['a@b.example'],
      cause: pgError,
    });
    const text = JSON.stringify(serializeError(query));
    expect(text).not.toMatch(/a@b\.example|secret-value/);
    expect(text).toMatch(/22P02/);
    expect(text).toMatch(/select \$1/);
  });
});

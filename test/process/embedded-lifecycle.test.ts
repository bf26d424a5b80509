import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  spawnService,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../support/server-process.js';

// The product as a newcomer runs it: one process, embedded PostgreSQL under DATA_DIR.
describe('npm start in embedded mode', () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
  });

  it('keeps data across a graceful restart, guards DATA_DIR, and exits 0 on SIGTERM', async () => {
    const dataDir = await tempDataDir();
    const first = await startServer({ DATA_DIR: dataDir });
    running.push(first);
    expect((await api(first.url, 'GET', '/healthz')).status).toBe(200);
    expect(first.output()).toMatch(/"storage":"embedded"/);
    expect(first.output()).toMatch(/"generator":"/);

    const email = 'Restart@Example.com';
    expect(
      (
        await api(first.url, 'POST', '/api/v1/auth/register', {
          email,
          password: 'long enough',
          full_name: 'R',
        })
      ).status,
    ).toBe(201);
    const token = (
      await api(first.url, 'POST', '/api/v1/auth/login', { email, password: 'long enough' })
    ).json.access_token;
    const posting = await api(
      first.url,
      'POST',
      '/api/v1/job-postings',
      { title: 'Nurse', description: 'Ward care.' },
      token,
    );
    expect(posting.status).toBe(201);

    // A second process on the same folder refuses to start and does no damage.
    const intruder = spawnService('main', { DATA_DIR: dataDir });
    expect(await intruder.exited).not.toBe(0);
    expect(intruder.output()).toMatch(/in use by another running process/);
    expect((await api(first.url, 'GET', '/healthz')).status).toBe(200);

    // The generated signing secret is kept owner-only.
    const secret = await stat(path.join(dataDir, 'jwt-secret'));
    expect(secret.mode & 0o777).toBe(0o600);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).not.toMatch(/secret|password/i);

    const second = await startServer({ DATA_DIR: dataDir });
    running.push(second);
    // Same secret: the token from before the restart still works, and the data is there.
    const list = await api(second.url, 'GET', '/api/v1/job-postings', undefined, token);
    expect(list.status).toBe(200);
    expect(list.json.map((p: { id: string }) => p.id)).toEqual([posting.json.id]);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('refuses to start with invalid configuration, listing every problem', async () => {
    const bad = spawnService('main', {
      PORT: 'eighty',
      LLM_TIMEOUT_MS: '-5',
      DATABASE_URL: 'mysql://nope',
    });
    expect(await bad.exited).toBe(2);
    const out = bad.output();
    expect(out).toMatch(/PORT/);
    expect(out).toMatch(/LLM_TIMEOUT_MS/);
    expect(out).toMatch(/DATABASE_URL/);
  });

  it('refuses `npm run worker` without DATABASE_URL', async () => {
    const worker = spawnService('worker', {});
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toMatch(/needs DATABASE_URL/);
  });
});

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverTimeouts } from '../../src/platform/http/server-timeouts.js';
import { MAX_HELD_WAITS_PER_USER } from '../../src/modules/operations/operations.service.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';

describe('held long-polls per user', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  it(`holds at most ${MAX_HELD_WAITS_PER_USER} waits of one user; beyond, a wait answers at once`, async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    let settled = 0;
    const held = Array.from({ length: MAX_HELD_WAITS_PER_USER }, () =>
      getOperation(t.app, user, op.id, '?wait=30').finally(() => (settled += 1)),
    );
    const { operations } = t.deps.services;
    await vi.waitFor(() => expect(operations.heldWaits(user.id)).toBe(MAX_HELD_WAITS_PER_USER), {
      timeout: 30_000,
    });

    const extra = await getOperation(t.app, user, op.id, '?wait=30');
    expect(extra.statusCode).toBe(200);
    expect(extra.json().status).toBe('pending');
    expect(extra.headers['retry-after']).toBe('1');
    expect(settled).toBe(0);

    // Another user's waits are not affected by this one's.
    const other = await createUser(t.app);
    const otherSession = await createSession(t.app, other);
    const otherOp = (await requestQuestion(t.app, other, otherSession.id)).json();
    const otherWait = getOperation(t.app, other, otherOp.id, '?wait=30');
    await vi.waitFor(() => expect(operations.heldWaits(other.id)).toBe(1), { timeout: 30_000 });

    await t.worker.drain();
    const answers = await Promise.all([...held, otherWait]);
    expect(answers.map((a) => a.json().status)).toEqual(
      Array(MAX_HELD_WAITS_PER_USER + 1).fill('completed'),
    );
    expect(operations.heldWaits(user.id)).toBe(0);
  });
});

describe('server timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { REQUEST_TIMEOUT_MS: '1000' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('are bounded by default, and longer than the longest wait', () => {
    const defaults = serverTimeouts(loadConfig({}).requestTimeoutMs);
    expect(defaults.requestTimeout).toBe(60_000);
    expect(defaults.connectionTimeout).toBeGreaterThan(30_000);
    expect(defaults.keepAliveTimeout).toBeGreaterThan(0);
    const server = t.app.server;
    expect(server.requestTimeout).toBe(1000);
    expect(server.keepAliveTimeout).toBeGreaterThan(0);
    expect(server.timeout).toBeGreaterThan(30_000);
  });

  it('answers 408 in the error shape and closes a connection that trickles its body', async () => {
    const { port } = t.app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"email":',
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      detail: { code: 'REQUEST_TIMEOUT', message: expect.any(String) },
    });
  });
});

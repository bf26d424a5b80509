import { EventEmitter } from 'node:events';
import net from 'node:net';
import type pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostgresDatabase, type Database } from '../../src/platform/db/client.js';
import { isDatabaseUnavailableError } from '../../src/platform/db/errors.js';
import { READ_TIMEOUT_MESSAGE, watchReads } from '../../src/platform/db/read-watchdog.js';
import { TEST_DATABASE_URL } from '../support/database.js';

/** A pooled connection as the watchdog sees it: the statement in flight, the socket. */
function fakeClient() {
  const destroyed: Error[] = [];
  return {
    _activeQuery: null as object | null,
    connection: { stream: { destroy: (err?: Error) => void destroyed.push(err!) } },
    destroyed,
  };
}

describe('the read watchdog', () => {
  const TIMEOUT = 1_200; // sweeps every 100 ms
  let pool: EventEmitter;
  let watchdog: ReturnType<typeof watchReads>;
  beforeEach(() => {
    vi.useFakeTimers();
    pool = new EventEmitter();
    watchdog = watchReads(pool as unknown as pg.Pool, TIMEOUT);
  });
  afterEach(() => {
    watchdog.stop();
    vi.useRealTimers();
  });
  const connect = () => {
    const c = fakeClient();
    pool.emit('connect', c);
    return c;
  };

  it('closes a connection whose statement went unanswered for the timeout, not before', () => {
    const c = connect();
    c._activeQuery = {};
    vi.advanceTimersByTime(TIMEOUT);
    expect(c.destroyed).toEqual([]);
    vi.advanceTimersByTime(TIMEOUT / 6);
    expect(c.destroyed.map((e) => e.message)).toEqual([READ_TIMEOUT_MESSAGE]);
    expect(isDatabaseUnavailableError(c.destroyed[0])).toBe(true);
    vi.advanceTimersByTime(TIMEOUT * 3);
    expect(c.destroyed).toHaveLength(1); // closed once, then forgotten
  });

  it('leaves idle connections and a stream of quick statements alone', () => {
    const idle = connect();
    const busy = connect();
    for (let t = 0; t < TIMEOUT * 5; t += 50) {
      busy._activeQuery = {}; // a new statement every 50 ms
      vi.advanceTimersByTime(50);
    }
    expect(idle.destroyed).toEqual([]);
    expect(busy.destroyed).toEqual([]);
  });

  it('lets an exempted connection run long statements until the exemption ends', () => {
    const c = connect();
    const undo = watchdog.exempt(c as unknown as pg.PoolClient);
    c._activeQuery = {};
    vi.advanceTimersByTime(TIMEOUT * 5);
    expect(c.destroyed).toEqual([]);
    undo();
    vi.advanceTimersByTime(TIMEOUT * 1.5);
    expect(c.destroyed).toHaveLength(1);
  });

  it('forgets a connection the pool removed', () => {
    const c = connect();
    c._activeQuery = {};
    pool.emit('remove', c);
    vi.advanceTimersByTime(TIMEOUT * 3);
    expect(c.destroyed).toEqual([]);
  });
});

/** A TCP proxy to the test server that can stop passing the server's answers on. */
async function freezableProxy(target: URL) {
  let frozen = false;
  const held: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (frozen) held.push(() => client.write(chunk));
      else client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => void (frozen = true),
    thaw: () => {
      frozen = false;
      held.splice(0).forEach((send) => send());
    },
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL server that stops answering', () => {
  const log = pino({ level: 'silent' });
  let proxy: Awaited<ReturnType<typeof freezableProxy>>;
  let db: Database;
  beforeAll(async () => {
    proxy = await freezableProxy(new URL(TEST_DATABASE_URL!));
    db = createPostgresDatabase(proxy.url, 2, log, { readTimeoutMs: 400 });
  });
  afterAll(async () => {
    await db.close();
    await proxy.close();
  });

  it('fails the statement as unavailable, and the next one runs on a new connection', async () => {
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    proxy.freeze();
    const err = await db.query('SELECT 2').catch((e: unknown) => e);
    expect((err as Error).message).toContain(READ_TIMEOUT_MESSAGE);
    expect(isDatabaseUnavailableError(err)).toBe(true);
    proxy.thaw();
    expect(await db.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
  });

  it('lets migrations run statements longer than the read timeout', async () => {
    let slept = false;
    await db.runScripts(async (exec) => {
      await exec('SELECT pg_sleep(1)');
      slept = true;
    });
    expect(slept).toBe(true);
  });
});

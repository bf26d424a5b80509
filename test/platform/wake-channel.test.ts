import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type Database } from '../../src/platform/db/client.js';
import { createWakeChannel } from '../../src/platform/wake-channel.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';

const log = pino({ level: 'silent' });

describe('wake channels', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(log);
  });
  afterAll(async () => {
    await database.db.close();
    await database.drop();
  });

  it('tell listeners in this process at once', async () => {
    const channel = createWakeChannel(database.db, 'probe_local', log);
    const heard: string[] = [];
    const stop = await channel.subscribe((p) => heard.push(p));
    heard.length = 0; // with PostgreSQL, subscribing itself says '' (anything may have changed)
    channel.publish('a');
    channel.publish('');
    expect(heard).toEqual(['a', '']); // synchronously, before any database round trip
    await stop();
    channel.publish('b');
    expect(heard).not.toContain('b');
  });

  it('pause between NOTIFYs and send what was published meanwhile in one', async () => {
    const sent: string[] = [];
    const recorder = {
      mode: 'postgres',
      query: async (_sql: string, params: unknown[]) => void sent.push(String(params[1])),
    } as unknown as Database;
    const channel = createWakeChannel(recorder, 'probe_gap', log, 1_000);
    channel.publish('a');
    await expect.poll(() => sent).toHaveLength(1); // a lone publication goes at once
    for (const id of ['b', 'c', 'd']) channel.publish(id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1); // within the pause
    await expect.poll(() => sent, { timeout: 5_000 }).toHaveLength(2);
    expect(sent[1]!.split(' ')[1]).toBe('b,c,d');
  });

  describe.skipIf(!TEST_DATABASE_URL)('across processes', () => {
    let other: Database;
    beforeAll(() => {
      other = createPostgresDatabase(database.url!, 2, log);
    });
    afterAll(() => other.close());

    it('deliver every id to another process, in few NOTIFYs', async () => {
      const heard = new Set<string>();
      let notifications = 0;
      const unlisten = await other.listen('probe_remote', () => (notifications += 1));
      const receiver = createWakeChannel(other, 'probe_remote', log);
      const stop = await receiver.subscribe((p) => heard.add(p));
      const channel = createWakeChannel(database.db, 'probe_remote', log);
      const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
      for (const id of ids) channel.publish(id);
      await expect.poll(() => ids.every((id) => heard.has(id)), { timeout: 10_000 }).toBe(true);
      // One NOTIFY in flight at a time: 300 publications travel in a handful of messages.
      expect(notifications).toBeLessThan(20);
      await stop();
      await unlisten();
    });

    it("do not hear their own NOTIFY again, which another process's channel hears", async () => {
      const sender = createWakeChannel(database.db, 'probe_echo', log);
      const receiver = createWakeChannel(other, 'probe_echo', log);
      const own: string[] = [];
      const remote: string[] = [];
      const stopOwn = await sender.subscribe((p) => own.push(p));
      const stopRemote = await receiver.subscribe((p) => remote.push(p));
      own.length = 0; // subscribing says '' (anything may have changed)
      remote.length = 0;
      sender.publish('first');
      await expect.poll(() => remote).toEqual(['first']);
      // The remote side heard the NOTIFY, so it was delivered to the sender's LISTEN as well;
      // a second NOTIFY from the other side proves the sender's LISTEN is live and ordered.
      receiver.publish('second');
      await expect.poll(() => own).toEqual(['first', 'second']);
      expect(remote).toEqual(['first', 'second']);
      await stopOwn();
      await stopRemote();
    });
  });
});

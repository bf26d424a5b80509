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

  describe.skipIf(!TEST_DATABASE_URL)('across processes', () => {
    let other: Database;
    beforeAll(() => {
      other = createPostgresDatabase(database.url!, 2, log);
    });
    afterAll(() => other.close());

    it('deliver every id to another process, in few NOTIFYs', async () => {
      const heard = new Set<string>();
      let notifications = 0;
      const unlisten = await other.listen('probe_remote', (payload) => {
        notifications += 1;
        for (const p of payload.split(',')) heard.add(p);
      });
      const channel = createWakeChannel(database.db, 'probe_remote', log);
      const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
      for (const id of ids) channel.publish(id);
      await expect.poll(() => ids.every((id) => heard.has(id)), { timeout: 10_000 }).toBe(true);
      // One NOTIFY in flight at a time: 300 publications travel in a handful of messages.
      expect(notifications).toBeLessThan(20);
      await unlisten();
    });
  });
});

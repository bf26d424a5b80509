import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/platform/db/schema.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser } from '../support/factories.js';

// A failed statement aborts the transaction it runs in. With PGlite's single
// connection, a transaction left open in that state would fail every later
// query of the process ("current transaction is aborted"): these tests pin that
// a failed transaction is rolled back and the database stays usable.
describe('database after a failed statement in a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const newUser = () => ({
    id: randomUUID(),
    email: `db-${randomUUID()}@example.com`,
    passwordHash: 'x',
    fullName: 'Db Test',
  });
  const exists = async (id: string) =>
    (await t.deps.db.query('SELECT 1 FROM users WHERE id = $1', [id])).length === 1;

  /** Later work on the same database, through every path the service uses. */
  async function expectUsable() {
    expect(await t.deps.db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const viaTransaction = newUser();
    await t.deps.db.transaction((tx) =>
      tx.query('INSERT INTO users (id, email, password_hash, full_name) VALUES ($1, $2, $3, $4)', [
        viaTransaction.id,
        viaTransaction.email,
        viaTransaction.passwordHash,
        viaTransaction.fullName,
      ]),
    );
    expect(await exists(viaTransaction.id)).toBe(true);
    const viaOrm = newUser();
    await t.deps.db.orm.insert(users).values(viaOrm);
    expect(await t.deps.db.orm.select().from(users).where(eq(users.id, viaOrm.id))).toHaveLength(1);
    await createUser(t.app); // and through the HTTP API
  }

  describe('through deps.db.transaction', () => {
    it('rolls back and stays usable when a query fails and the error propagates', async () => {
      const row = newUser();
      await expect(
        t.deps.db.transaction(async (tx) => {
          await tx.query(
            'INSERT INTO users (id, email, password_hash, full_name) VALUES ($1, $2, $3, $4)',
            [row.id, row.email, row.passwordHash, row.fullName],
          );
          await tx.query('SELECT * FROM no_such_table');
        }),
      ).rejects.toThrow(/no_such_table/);
      expect(await exists(row.id)).toBe(false);
      await expectUsable();
    });

    it('rolls back and stays usable when fn catches the failure and throws its own error', async () => {
      const row = newUser();
      const taken = await createUser(t.app);
      await expect(
        t.deps.db.transaction(async (tx) => {
          await tx.query(
            'INSERT INTO users (id, email, password_hash, full_name) VALUES ($1, $2, $3, $4)',
            [row.id, row.email, row.passwordHash, row.fullName],
          );
          try {
            // The email is unique case-insensitively: a constraint violation mid-transaction.
            await tx.query(
              "INSERT INTO users (email, password_hash, full_name) VALUES (upper($1), 'x', 'x')",
              [taken.email],
            );
          } catch {
            throw new Error('domain failure after a failed statement');
          }
        }),
      ).rejects.toThrow('domain failure after a failed statement');
      expect(await exists(row.id)).toBe(false);
      await expectUsable();
    });

    it('stays usable after a failed statement outside any transaction', async () => {
      await expect(t.deps.db.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
      await expectUsable();
    });
  });

  describe('through deps.db.orm.transaction', () => {
    it('rolls back and stays usable when a query fails and the error propagates', async () => {
      const row = newUser();
      await expect(
        t.deps.db.orm.transaction(async (tx) => {
          await tx.insert(users).values(row);
          await tx.execute(sql`SELECT * FROM no_such_table`);
        }),
      ).rejects.toThrow();
      expect(await exists(row.id)).toBe(false);
      await expectUsable();
    });

    it('rolls back and stays usable when a constraint fails and fn throws its own error', async () => {
      const row = newUser();
      const taken = await createUser(t.app);
      await expect(
        t.deps.db.orm.transaction(async (tx) => {
          await tx.insert(users).values(row);
          try {
            await tx.insert(users).values({ ...newUser(), email: taken.email.toUpperCase() });
          } catch {
            throw new Error('domain failure after a failed statement');
          }
        }),
      ).rejects.toThrow('domain failure after a failed statement');
      expect(await exists(row.id)).toBe(false);
      await expectUsable();
    });

    it('rolls back and stays usable after an explicit tx.rollback()', async () => {
      const row = newUser();
      await expect(
        t.deps.db.orm.transaction(async (tx) => {
          await tx.insert(users).values(row);
          tx.rollback();
        }),
      ).rejects.toThrow();
      expect(await exists(row.id)).toBe(false);
      await expectUsable();
    });
  });
});

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// Deleting a row makes PostgreSQL look up every row that references it, once per deleted
// row. Without an index on the referencing column each lookup reads the whole table:
// deleting an interview of 20 messages took 3 s with a million operations stored.
const UNINDEXED = new Map([
  // Every 202 inserts an operation; one more index there is paid on the hot path, while a
  // deleted account costs one scan of the table (its operations are already gone with its
  // interviews, see session-erasure.ts).
  ['operations.user_id', 'hot insert path'],
]);

describe('foreign keys', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
  });
  afterAll(() => database.drop());

  it('each has an index on its column, so a delete does not scan the referencing table', async () => {
    const rows = await database.db.query<{ fk: string; indexed: boolean }>(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS fk,
             EXISTS (
               SELECT 1 FROM pg_index i
                WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
                  AND (i.indpred IS NULL
                       OR pg_get_expr(i.indpred, i.indrelid) = '(' || quote_ident(a.attname) || ' IS NOT NULL)')
             ) AS indexed
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(rows.length).toBeGreaterThan(10);
    const missing = rows.filter((r) => !r.indexed && !UNINDEXED.has(r.fk)).map((r) => r.fk);
    expect(missing.sort()).toEqual([]);
  });
});

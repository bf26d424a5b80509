import { getTableConfig } from 'drizzle-orm/pg-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/platform/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

// Drizzle's schema is written by hand next to the SQL migrations; this keeps the two equal.
describe('the Drizzle schema', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await database.db.close();
    await database.drop();
  });

  const fromDrizzle = (): Record<string, Record<string, ColumnShape>> =>
    Object.fromEntries(
      Object.values(schema).map((table) => {
        const config = getTableConfig(table);
        return [
          config.name,
          Object.fromEntries(
            config.columns.map((c) => [
              c.name,
              {
                type: c.getSQLType(),
                nullable: !c.notNull,
                hasDefault: c.hasDefault || c.generatedIdentity !== undefined,
              },
            ]),
          ),
        ];
      }),
    );

  const fromDatabase = async (): Promise<Record<string, Record<string, ColumnShape>>> => {
    const rows = await database.db.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
        ORDER BY table_name, ordinal_position`,
    );
    const tables: Record<string, Record<string, ColumnShape>> = {};
    for (const r of rows) {
      (tables[r.table_name] ??= {})[r.column_name] = {
        type: r.data_type,
        nullable: r.is_nullable === 'YES',
        hasDefault: r.column_default !== null || r.is_identity === 'YES',
      };
    }
    return tables;
  };

  it('names every table and column of the migrated database, with its type, nullability and default', async () => {
    expect(fromDrizzle()).toEqual(await fromDatabase());
  });
});

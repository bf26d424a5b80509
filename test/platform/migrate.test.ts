import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/platform/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await database.db.close();
    await database.drop();
  });

  it('are applied once: running them again changes nothing', async () => {
    const all = await readMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(database.db)).toEqual([]);
    const rows = await database.db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
  });

  it('apply a new migration, forward only, and record it', async () => {
    const extra = {
      version: '9999_probe',
      sql: 'CREATE TABLE migration_probe (id int); INSERT INTO migration_probe VALUES (1);',
    };
    const all = [...(await readMigrations()), extra];
    expect(await migrate(database.db, all)).toEqual(['9999_probe']);
    expect(await migrate(database.db, all)).toEqual([]);
    expect(await database.db.query('SELECT id FROM migration_probe')).toEqual([{ id: 1 }]);
  });

  it('leave nothing behind when a migration fails', async () => {
    const broken = {
      version: '9999_zbroken',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done;',
    };
    await expect(migrate(database.db, [...(await readMigrations()), broken])).rejects.toThrow();
    const [row] = await database.db.query<{ t: string | null }>(
      "SELECT to_regclass('half_done')::text AS t",
    );
    expect(row!.t).toBeNull();
    expect(
      await database.db.query("SELECT 1 FROM schema_migrations WHERE version = '9999_zbroken'"),
    ).toEqual([]);
  });
});

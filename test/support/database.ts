import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import {
  createEmbeddedDatabase,
  createPostgresDatabase,
  type Database,
} from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Logger } from '../../src/platform/logger.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

let template: Blob | undefined;

export interface TestDatabase {
  db: Database;
  /** A URL other processes can use; only in PostgreSQL mode. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test app: an in-memory PGlite copy of the
 * template, or, when TEST_DATABASE_URL is set, a new database on that server
 * (so parallel test files never share a queue).
 */
export async function createTestDatabase(log: Logger): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    template ??= new Blob([await readFile(inject('pgliteTemplate'))]);
    const client = await PGlite.create('memory://', { loadDataDir: template });
    const db = createEmbeddedDatabase(client);
    await migrate(db);
    return { db, drop: async () => undefined };
  }
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = createPostgresDatabase(url.toString(), 8, log);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { Storage } from './service.js';

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates bench_<random><suffix> on the server of adminUrl; returns its URL and a dropper. */
export async function createDatabase(
  adminUrl: string,
  suffix = '',
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `bench_${randomBytes(4).toString('hex')}${suffix}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () =>
      adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

/**
 * The step before each load when every storage is a PostgreSQL database: VACUUM (ANALYZE)
 * in each. A load that follows a backlog's drain (or the other server's inserts) would
 * otherwise share the cores with autovacuum, which lands on whichever server happens to be
 * measured next. It also leaves the statistics of a drained queue, the state a real
 * service usually plans in. Undefined in embedded mode (PGlite has no autovacuum).
 */
export function quietStep(storages: Storage[]): (() => Promise<void>) | undefined {
  const urls = storages.flatMap((s) => (s.mode === 'postgres' ? [s.url] : []));
  if (urls.length !== storages.length) return undefined;
  return async () => {
    for (const url of urls) await adminQuery(url, 'VACUUM (ANALYZE)');
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type SqlQuery = <T extends object>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A connection kept for the whole run (reading pg_stat_activity between loads). */
export async function connect(url: string): Promise<{ query: SqlQuery; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    end: () => client.end(),
  };
}

export const databaseOf = (url: string): string =>
  decodeURIComponent(new URL(url).pathname.slice(1));

/** Runs fn with a query function on the service's database, whichever mode it is in. */
export async function withStorage<T>(
  target: { url: string } | { dataDir: string },
  fn: (query: SqlQuery) => Promise<T>,
): Promise<T> {
  if ('url' in target) {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      return await fn(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      await client.end();
    }
  }
  // Embedded: only once the server has stopped, since PGlite has one owner per folder.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(path.join(target.dataDir, 'pgdata'));
  try {
    return await fn(async (sql, params) => (await db.query(sql, params)).rows as never);
  } finally {
    await db.close();
  }
}

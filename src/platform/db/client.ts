import { parse, PGlite, protocol } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { listenWithReconnect } from './pg-listen.js';
import { createPriorityGate, inBackground } from './priority-gate.js';
import { watchReads } from './read-watchdog.js';
import { schema } from './schema.js';
import type { Logger } from '../logger.js';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement. `name` makes it a prepared statement where the driver supports that. */
  query<T extends object = Row>(text: string, params?: unknown[], name?: string): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly mode: 'embedded' | 'postgres';
  readonly orm: Orm;
  /** Runs fn in one transaction; fn must use only the handle it is given. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script in one transaction, under a lock held across processes. */
  runScripts(
    fn: (exec: (script: string) => Promise<void>, tx: Queryable) => Promise<void>,
  ): Promise<void>;
  /**
   * Calls onNotify with the payload of every NOTIFY on channel, and with '' after
   * a reconnect (when notifications may have been missed). Returns the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs fn, and everything it starts, as background work: on the embedded database's one
   * connection its statements yield to requests' (priority-gate.ts). With PostgreSQL it
   * only runs fn: marking work there would switch on Node's promise hooks (the
   * AsyncLocalStorage behind the mark) for every request of the process, for nothing.
   */
  background<T>(fn: () => T): T;
  close(): Promise<void>;
}

// Any fixed key works; it only has to be the same in every process of the service.
const MIGRATION_LOCK_KEY = 727_411_001;

type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

/**
 * Named statements on PGlite, which has no API for them: its query() parses and plans
 * every statement again (about three quarters of the 202's database time). Here a
 * statement is parsed once per name (Parse, Describe) and then only bound and executed,
 * as `pg` does with a named query. The caller holds the connection (the gate); PGlite's
 * own lock is taken too. A failed statement ends with Sync like any other, so the next
 * one starts clean, and a name is remembered only once its Parse succeeded.
 */
function createNamedStatements(client: PGlite) {
  const prepared = new Map<string, { types: number[]; row: BackendMessage[]; text: string }>();
  const send = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });
  return async <T extends object>(name: string, text: string, params: unknown[]): Promise<T[]> =>
    client.runExclusive(async () => {
      const messages: BackendMessage[] = [];
      try {
        let info = prepared.get(name);
        if (info && info.text !== text)
          throw new Error(`statement ${name} was prepared with another text`);
        if (!info) {
          await send(protocol.serialize.parse({ name, text }));
          const described = await send(protocol.serialize.describe({ type: 'S', name }));
          const types = parse.parseDescribeStatementResults(described);
          info = { types, row: described.filter((m) => m.name === 'rowDescription'), text };
          prepared.set(name, info);
        }
        const { types } = info;
        const values = params.map((v, i) => {
          if (v === null || v === undefined) return null;
          const serialize = client.serializers[types[i] ?? 0];
          return serialize ? serialize(v) : String(v as string);
        });
        messages.push(
          ...(await send(protocol.serialize.bind({ statement: name, values }))),
          ...info.row,
          ...(await send(protocol.serialize.execute({}))),
        );
      } finally {
        messages.push(...(await send(protocol.serialize.sync())));
      }
      await client.syncToFs();
      return (parse.parseResults(messages, client.parsers)[0]?.rows ?? []) as T[];
    });
}

export function createEmbeddedDatabase(client: PGlite): Database {
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T extends object>(text: string, params?: unknown[]) =>
      (await q.query<T>(text, params)).rows,
  });
  const named = createNamedStatements(client);
  // One statement or transaction at a time, requests' before the worker's (priority-gate.ts).
  const gate = createPriorityGate();
  const gated: Pick<PGlite, 'query' | 'transaction'> = {
    query: (text, params, options) => gate.run(() => client.query(text, params, options)),
    transaction: (fn) => gate.run(() => client.transaction(fn)),
  };
  const base = wrap(gated);
  return {
    mode: 'embedded',
    // Drizzle calls only query() and transaction() on its client: give it the gated ones.
    orm: drizzlePglite({ client: gated as PGlite, schema }) as unknown as Orm,
    query: (text, params, name) =>
      name ? gate.run(() => named(name, text, params ?? [])) : base.query(text, params),
    // PGlite has one connection: its transaction() holds it exclusively, so any
    // query on the outer handle inside fn would wait forever.
    transaction: (fn) => gated.transaction((tx) => fn(wrap(tx))),
    runScripts: (fn) =>
      gated.transaction(async (tx) => {
        await fn(async (script) => void (await tx.exec(script)), wrap(tx));
      }),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return () => unlisten();
    },
    background: inBackground,
    close: () => gate.run(() => client.close()),
  };
}

// While the server is unreachable, a request must fail within a few seconds rather
// than hang: bounded waits to connect, for the server to run a statement, and for the
// socket to answer (READ_TIMEOUT_MS, read-watchdog.ts). Migrations lift the statement
// bounds for themselves.
const POOL_TIMEOUTS = {
  connectionTimeoutMillis: 3_000,
  statement_timeout: 5_000,
  keepAlive: true,
};
const READ_TIMEOUT_MS = 6_000;
const MIGRATION_TIMEOUT_MS = 600_000;

export function createPostgresDatabase(
  url: string,
  poolSize: number,
  log: Logger,
  { readTimeoutMs = READ_TIMEOUT_MS } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    ...POOL_TIMEOUTS,
  });
  const watchdog = watchReads(pool, readTimeoutMs);
  pool.on('error', (err) => log.warn({ err: err.message }, 'idle database connection failed'));
  // A checked-out client has no 'error' listener of the pool's: a connection lost in the
  // middle of a transaction would otherwise be an uncaught exception that ends the process.
  // The failing query rejects on its own; this only keeps the event from crashing us.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const listeners = new Set<pg.Client>();

  const viaClient = (c: pg.PoolClient, queryTimeout?: number): Queryable => ({
    query: async <T extends object>(text: string, params?: unknown[], name?: string) => {
      // Migrations only: pg's own read timeout, in place of the watchdog's (they are exempt).
      // pg reads query_timeout per query too; its types do not list it.
      const query: pg.QueryConfig & { query_timeout?: number } = {
        text,
        values: params,
        name,
        query_timeout: queryTimeout,
      };
      return (await c.query<T>(query)).rows;
    },
  });

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>, lock = false): Promise<T> {
    const c = await pool.connect();
    // Waiting for another process's migrations, and running them, may take minutes.
    const unexempt = lock ? watchdog.exempt(c) : undefined;
    try {
      await c.query('BEGIN');
      if (lock) {
        await c.query('SET LOCAL statement_timeout = 0');
        await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      }
      const out = await fn(lock ? viaClient(c, MIGRATION_TIMEOUT_MS) : viaClient(c));
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      unexempt?.();
      c.release();
    }
  }

  return {
    mode: 'postgres',
    orm: drizzlePg({ client: pool, schema }) as unknown as Orm,
    query: async <T extends object>(text: string, params?: unknown[], name?: string) =>
      (await pool.query<T>({ text, values: params, name })).rows,
    transaction: (fn) => transaction(fn),
    runScripts: (fn) =>
      transaction(async (tx) => {
        await fn(async (script) => void (await tx.query(script)), tx);
      }, true),
    listen: (channel, onNotify) => listenWithReconnect(url, channel, onNotify, listeners, log),
    background: (fn) => fn(),
    close: async () => {
      watchdog.stop();
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

// PostgreSQL's default 128 MB of shared buffers lives in PGlite's WebAssembly memory,
// which never shrinks; a single-user database does fine with far less. A start
// parameter, not `postgresqlconf`, which would rewrite postgresql.conf and drop
// initdb's time zone and locale settings.
const EMBEDDED_SETTINGS = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
};

/** Opens (or, for an empty folder, initialises) an embedded cluster; `memory://` keeps it in memory. */
export async function openEmbeddedClient(dataDir: string, template?: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, {
    ...EMBEDDED_SETTINGS,
    ...(template ? { loadDataDir: template } : {}),
  });
}

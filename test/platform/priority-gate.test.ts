import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import {
  createEmbeddedDatabase,
  createPostgresDatabase,
  type Database,
} from '../../src/platform/db/client.js';
import {
  BUSY_STATEMENTS,
  createPriorityGate,
  inBackground,
  isBackground,
  type PriorityGate,
} from '../../src/platform/db/priority-gate.js';

/** A statement the test finishes by hand. */
function held() {
  let finish!: (value?: unknown) => void;
  let fail!: (err: Error) => void;
  const done = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { run: () => done, finish, fail };
}

const flush = () => new Promise((r) => setImmediate(r));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await flush();
}

/** Runs a statement on the gate as a request's or as background work, recording when it started. */
function submit(
  gate: PriorityGate,
  order: string[],
  label: string,
  bg: boolean,
  fn: () => unknown = () => undefined,
) {
  const go = () =>
    gate.run(async () => {
      order.push(label);
      await fn();
    });
  return bg ? inBackground(go) : go();
}

describe('background work by database', () => {
  it('is marked on the embedded database, whose one connection the gate shares', async () => {
    const db = createEmbeddedDatabase({} as PGlite); // background() never touches the client
    expect(await db.background(async () => isBackground())).toBe(true);
  });

  it('is not marked with PostgreSQL, so no request pays for promise hooks', async () => {
    // The pool connects lazily: nothing here reaches a server.
    const db = createPostgresDatabase('postgres://127.0.0.1:1/none', 1, pino({ level: 'silent' }));
    expect(await db.background(async () => isBackground())).toBe(false);
    expect(db.background(() => 'ran')).toBe('ran');
    await db.close();
  });
});

describe('priority gate', () => {
  it('marks work started inside inBackground, and only that', async () => {
    expect(isBackground()).toBe(false);
    await inBackground(async () => {
      await flush();
      expect(isBackground()).toBe(true);
      setImmediate(() => expect(isBackground()).toBe(true));
    });
    expect(isBackground()).toBe(false);
  });

  it('lets one statement in at a time', async () => {
    const gate = createPriorityGate();
    const first = held();
    const order: string[] = [];
    const a = submit(gate, order, 'a', false, first.run);
    const b = submit(gate, order, 'b', false);
    await flush();
    expect(order).toEqual(['a']);
    first.finish();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it("runs a waiting request's statement before waiting background work", async () => {
    const gate = createPriorityGate();
    const first = held();
    const order: string[] = [];
    const all = [
      submit(gate, order, 'request 1', false, first.run),
      submit(gate, order, 'worker 1', true),
      submit(gate, order, 'worker 2', true),
      submit(gate, order, 'request 2', false),
      submit(gate, order, 'request 3', false),
    ];
    await flush();
    expect(gate.waiting).toEqual({ foreground: 2, background: 2 });
    first.finish();
    await Promise.all(all);
    expect(order).toEqual(['request 1', 'request 2', 'request 3', 'worker 1', 'worker 2']);
  });

  it('never starves background work under a steady stream of requests', async () => {
    const every = 3;
    const gate = createPriorityGate({ backgroundEvery: every, now: () => 0 });
    const order: string[] = [];
    let requests = 0;
    let stop = false;
    // Every request statement sends the next one before it ends: one always waits.
    const request = (): Promise<void> =>
      submit(gate, order, `r${++requests}`, false, async () => {
        if (!stop) void request();
      });
    const first = held();
    void submit(gate, order, 'r0', false, first.run);
    void request();
    const worker = Promise.all([1, 2, 3].map((i) => submit(gate, order, `w${i}`, true)));
    await flush();
    first.finish();
    await worker;
    stop = true;
    await until(() => gate.waiting.foreground === 0);
    const workers = order.flatMap((label, i) => (label.startsWith('w') ? [i] : []));
    expect(workers).toHaveLength(3);
    // Between two worker statements (and before the first) at most `every` requests ran.
    let previous = order.indexOf('r1') - 1;
    for (const at of workers) {
      expect(at - previous - 1).toBeLessThanOrEqual(every);
      previous = at;
    }
  });

  it('runs background statements back to back while no request uses the connection', async () => {
    let clock = 0;
    const gate = createPriorityGate({ now: () => clock });
    const order: string[] = [];
    // Each takes 100 "ms"; no request in between, so no pause is due.
    const slow = async () => {
      clock += 100;
    };
    const all = ['w1', 'w2', 'w3'].map((w) => submit(gate, order, w, true, slow));
    await Promise.all(all);
    expect(order).toEqual(['w1', 'w2', 'w3']);
  });

  it('while requests are busy, background work takes at most its share of the time', async () => {
    let clock = 0;
    const gate = createPriorityGate({ backgroundShare: 0.5, now: () => clock });
    const order: string[] = [];
    for (let i = 0; i < BUSY_STATEMENTS; i++) await submit(gate, order, `r${i}`, false);
    await submit(gate, order, 'w1', true, () => {
      clock += 5; // 5 ms of background work: with a share of one half, none before 10 ms
    });
    await submit(gate, order, 'r-a', false);
    const w2 = submit(gate, order, 'w2', true);
    await flush();
    await flush();
    expect(order.slice(-2)).toEqual(['w1', 'r-a']); // paused: the clock has not moved
    await submit(gate, order, 'r-b', false); // a request does not wait for the paused worker
    expect(order.slice(-3)).toEqual(['w1', 'r-a', 'r-b']);
    clock = 10;
    await w2; // the gate's own timer lets it go once the pause is over
    expect(order.slice(-1)).toEqual(['w2']);
  });

  it('a request or two does not pause background work', async () => {
    let clock = 0;
    const gate = createPriorityGate({ backgroundShare: 0.1, now: () => clock });
    const order: string[] = [];
    await submit(gate, order, 'r1', false);
    await submit(gate, order, 'w1', true, () => {
      clock += 50;
    });
    await submit(gate, order, 'r2', false);
    // Not busy: w2 goes at once although w1 took far more than a tenth of the time.
    await submit(gate, order, 'w2', true);
    expect(order).toEqual(['r1', 'w1', 'r2', 'w2']);
  });

  it('a failed or throwing statement releases the gate', async () => {
    const gate = createPriorityGate();
    const order: string[] = [];
    const first = held();
    const failing = submit(gate, order, 'fails', false, first.run);
    const throwing = submit(gate, order, 'throws', true, () => {
      throw new Error('synchronous');
    });
    const after = [submit(gate, order, 'request', false), submit(gate, order, 'worker', true)];
    first.fail(new Error('statement failed'));
    await expect(failing).rejects.toThrow('statement failed');
    await expect(throwing).rejects.toThrow('synchronous');
    await Promise.all(after);
    expect(order).toEqual(['fails', 'request', 'throws', 'worker']);
    expect(gate.waiting).toEqual({ foreground: 0, background: 0 });
  });

  it('lets the event loop turn between background statements that settle at once', async () => {
    // PGlite's statements settle as microtasks: a worker chaining them must still let
    // sockets and timers in (an HTTP request, /healthz) between one statement and the next.
    const gate = createPriorityGate();
    let statements = 0;
    let turned = -1;
    setImmediate(() => (turned = statements));
    await inBackground(async () => {
      for (let i = 0; i < 100; i++) await gate.run(async () => void (statements += 1));
    });
    expect(statements).toBe(100);
    expect(turned).toBeGreaterThanOrEqual(0);
    expect(turned).toBeLessThan(2);
  });

  it('rejects settings that could stop background work', () => {
    expect(() => createPriorityGate({ backgroundShare: 0 })).toThrow();
    expect(() => createPriorityGate({ backgroundEvery: 0 })).toThrow();
  });
});

// The embedded database runs every statement through the gate and prepares named ones.
describe('embedded database: named statements through the gate', () => {
  let db: Database;
  beforeAll(async () => {
    db = createEmbeddedDatabase(await PGlite.create('memory://'));
    await db.query('CREATE TABLE t (id int PRIMARY KEY, note text)');
  });
  afterAll(() => db.close());

  it('returns what an unnamed statement returns, typed the same', async () => {
    await db.query('INSERT INTO t VALUES ($1, $2)', [1, 'one'], 'insert_t');
    await db.query('INSERT INTO t VALUES ($1, $2)', [2, null], 'insert_t');
    const sql = 'SELECT id, note, now() AS at, $1::jsonb AS doc FROM t ORDER BY id';
    const named = await db.query(sql, [JSON.stringify({ a: [1] })], 'select_t');
    const unnamed = await db.query(sql, [JSON.stringify({ a: [1] })]);
    expect(named.map(({ at: _at, ...r }) => r)).toEqual(unnamed.map(({ at: _at, ...r }) => r));
    expect(named[0]).toMatchObject({ id: 1, note: 'one', doc: { a: [1] } });
    expect(named[0]?.at).toBeInstanceOf(Date);
    expect(await db.query('SELECT 1 AS one WHERE false', [], 'no_rows')).toEqual([]);
  });

  it('a failed named statement does not poison later ones, named or not', async () => {
    await expect(
      db.query('INSERT INTO t VALUES ($1, $2)', [1, 'again'], 'insert_t'),
    ).rejects.toMatchObject({
      code: '23505',
    });
    await expect(db.query('SELECT 1 / $1::int AS x', [0], 'divide')).rejects.toThrow(
      /division by zero/,
    );
    expect(await db.query('SELECT 1 / $1::int AS x', [1], 'divide')).toEqual([{ x: 1 }]);
    // A statement that never parsed is not remembered: the name can be used once it parses.
    await expect(db.query('SELEC 1', [], 'typo')).rejects.toThrow(/syntax error/);
    expect(await db.query('SELECT 1 AS one', [], 'typo')).toEqual([{ one: 1 }]);
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 2 }]);
    expect(await db.transaction((tx) => tx.query('SELECT 2 AS two'))).toEqual([{ two: 2 }]);
  });

  it('refuses one name for two texts', async () => {
    await db.query('SELECT 1 AS one', [], 'one_name');
    await expect(db.query('SELECT 2 AS two', [], 'one_name')).rejects.toThrow(/another text/);
    expect(await db.query('SELECT 1 AS one', [], 'one_name')).toEqual([{ one: 1 }]);
  });

  it('keeps statements and transactions apart while background work and requests interleave', async () => {
    const writes = Array.from({ length: 20 }, (_, i) => {
      const work = () =>
        i % 3 === 0
          ? db.transaction(async (tx) => {
              await tx.query('INSERT INTO t VALUES ($1, $2)', [100 + i, 'tx']);
              await tx.query('UPDATE t SET note = $2 WHERE id = $1', [100 + i, 'tx done']);
            })
          : db.query('INSERT INTO t VALUES ($1, $2)', [100 + i, 'plain'], 'insert_t');
      return i % 2 === 0 ? inBackground(work) : work();
    });
    await Promise.all(writes);
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM t WHERE id >= 100 AND note IN ('plain', 'tx done')`,
    );
    expect(rows).toEqual([{ n: 20 }]);
  });
});

// The floor: the least work the two endpoints can do. node:http and the bare
// driver, the service's own tables, one SELECT for ownership and status plus
// one INSERT for the 202, one SELECT for the GET, JSON.stringify for the reply.
// No framework, no validation library, no auth: the caller's user id is taken
// on trust from the X-User-Id header, so a ratio to the floor includes our JWT cost.
// It does not wake anyone either: it drops the service's NOTIFY trigger. A POST
// with `X-Floor-Notify: 1` sends the same pg_notify inside its INSERT instead,
// with one connection LISTENing as a worker would, to price that design choice.
//
// Storage: PostgreSQL through `pg` when DATABASE_URL is set (a database of its
// own, so the service's worker never sees the floor's rows), else PGlite in
// FLOOR_DATA_DIR (a copy of FLOOR_TEMPLATE_DIR, the build's migrated cluster, when given).
// On start it applies migrations/*.sql, seeds one user, one posting,
// FLOOR_SESSIONS sessions and one completed operation per session (result from
// FLOOR_SAMPLE_RESULT, so a GET returns what ours returns), prints one JSON
// line {"floor": {...ids}} and listens on PORT.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

interface Store {
  query(text: string, params: unknown[], name: string): Promise<Record<string, unknown>[]>;
  exec(script: string): Promise<void>;
  listen(channel: string): Promise<void>;
}

const env = process.env;
const port = Number(env.PORT ?? 8100);
const poolSize = Number(env.FLOOR_POOL_SIZE ?? 16);
const sessionCount = Number(env.FLOOR_SESSIONS ?? 32);
const sampleResult: unknown = env.FLOOR_SAMPLE_RESULT ? JSON.parse(env.FLOOR_SAMPLE_RESULT) : null;
const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

async function openStore(): Promise<Store> {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: poolSize });
    return {
      // A named statement is parsed once per connection, as ours are.
      query: async (text, values, name) => (await pool.query({ text, values, name })).rows,
      exec: async (script) => void (await pool.query(script)),
      listen: async (channel) => {
        const client = new pg.Client({ connectionString: env.DATABASE_URL });
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = env.FLOOR_DATA_DIR ?? 'memory://';
  const template = env.FLOOR_TEMPLATE_DIR;
  if (
    template &&
    existsSync(path.join(template, 'PG_VERSION')) &&
    !dataDir.startsWith('memory://') &&
    !existsSync(path.join(dataDir, 'PG_VERSION'))
  ) {
    cpSync(template, dataDir, { recursive: true });
  }
  // The service's embedded setting: 32 MB of shared buffers instead of PostgreSQL's 128.
  const db = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  return {
    query: async (text, values) => (await db.query<Record<string, unknown>>(text, values)).rows,
    exec: async (script) => void (await db.exec(script)),
    listen: async (channel) => void (await db.listen(channel, () => undefined)),
  };
}

const store = await openStore();
const [migrated] = await store.query(
  `SELECT to_regclass('operations') IS NOT NULL AS done`,
  [],
  'floor_migrated',
);
if (!migrated?.done) {
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    await store.exec(readFileSync(path.join(migrationsDir, file), 'utf8'));
  }
}
await store.exec(`DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tgname FROM pg_trigger WHERE tgrelid = 'operations'::regclass AND NOT tgisinternal LOOP
    EXECUTE format('DROP TRIGGER %I ON operations', t.tgname);
  END LOOP;
END $$`);
await store.listen('operations_ready');

const COLUMNS =
  'id, operation_type, status, session_id, result, error_message, created_at, updated_at';
const SESSION_SQL = 'SELECT status FROM interview_sessions WHERE id = $1 AND user_id = $2';
const INSERT_SQL = `INSERT INTO operations (user_id, session_id) VALUES ($1, $2) RETURNING ${COLUMNS}`;
const INSERT_NOTIFY_SQL = `WITH ins AS (${INSERT_SQL}) SELECT ins.*, pg_notify('operations_ready', '') FROM ins`;
const GET_SQL = `SELECT ${COLUMNS} FROM operations WHERE id = $1 AND user_id = $2`;

// Seed: what the bench needs to aim load at.
const [user] = await store.query(
  `INSERT INTO users (email, password_hash, full_name) VALUES ($1, 'x', 'Floor') RETURNING id`,
  [`floor-${randomUUID()}@example.com`],
  'seed_user',
);
const userId = String(user?.id);
const [posting] = await store.query(
  `INSERT INTO job_postings (user_id, title, description) VALUES ($1, 'Backend engineer', 'Build APIs.') RETURNING id`,
  [userId],
  'seed_posting',
);
const sessionIds: string[] = [];
const operationIds: string[] = [];
for (let i = 0; i < sessionCount; i++) {
  const [s] = await store.query(
    'INSERT INTO interview_sessions (user_id, job_posting_id) VALUES ($1, $2) RETURNING id',
    [userId, posting?.id],
    'seed_session',
  );
  sessionIds.push(String(s?.id));
  const [op] = await store.query(
    `INSERT INTO operations (user_id, session_id, status, result, started_at, finished_at)
     VALUES ($1, $2, 'completed', $3::jsonb, now(), now()) RETURNING id`,
    [userId, s?.id, JSON.stringify(sampleResult)],
    'seed_operation',
  );
  operationIds.push(String(op?.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GENERATE = /^\/api\/v1\/sessions\/([^/]+)\/generate-question$/;
const OPERATION = /^\/api\/v1\/operations\/([^/?]+)(?:\?.*)?$/;

type Row = Record<string, unknown>;
const present = (op: Row) => ({
  id: op.id,
  operation_type: op.operation_type,
  status: op.status,
  session_id: op.session_id,
  result: op.status === 'completed' ? op.result : null,
  error_message: op.error_message,
  created_at: (op.created_at as Date).toISOString(),
  updated_at: (op.updated_at as Date).toISOString(),
});

function send(res: http.ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const error = (code: string) => ({ detail: { code, message: code } });

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const user = req.headers['x-user-id'];
  if (url === '/healthz') return send(res, 200, { status: 'ok' });
  if (typeof user !== 'string' || !UUID.test(user)) return send(res, 401, error('UNAUTHORIZED'));

  let m: RegExpExecArray | null;
  if (req.method === 'POST' && (m = GENERATE.exec(url))) {
    const sessionId = m[1] ?? '';
    if (!UUID.test(sessionId)) return send(res, 422, error('VALIDATION_ERROR'));
    const [session] = await store.query(SESSION_SQL, [sessionId, user], 'floor_session');
    if (!session) return send(res, 404, error('SESSION_NOT_FOUND'));
    if (session.status !== 'active') return send(res, 400, error('SESSION_NOT_ACTIVE'));
    const [op] =
      req.headers['x-floor-notify'] === '1'
        ? await store.query(INSERT_NOTIFY_SQL, [user, sessionId], 'floor_enqueue_notify')
        : await store.query(INSERT_SQL, [user, sessionId], 'floor_enqueue');
    const body = present(op as Row); // picks the operation's fields: pg_notify's column is left out
    return send(res, 202, body, { location: `/api/v1/operations/${String(body.id)}` });
  }
  if (req.method === 'GET' && (m = OPERATION.exec(url))) {
    const id = m[1] ?? '';
    if (!UUID.test(id)) return send(res, 422, error('VALIDATION_ERROR'));
    const [op] = await store.query(GET_SQL, [id, user], 'floor_operation');
    return op ? send(res, 200, present(op)) : send(res, 404, error('OPERATION_NOT_FOUND'));
  }
  return send(res, 404, error('NOT_FOUND'));
}

const server = http.createServer((req, res) => {
  // A POST body, if any, is not needed: drain it so the connection stays usable.
  req.resume();
  handle(req, res).catch(() => send(res, 500, error('INTERNAL_ERROR')));
});
server.keepAliveTimeout = 72_000;
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ floor: { port, userId, sessionIds, operationIds } })}\n`,
  );
});

const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

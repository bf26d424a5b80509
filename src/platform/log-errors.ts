// How errors appear in logs. Database errors carry the statement's parameters: Drizzle
// puts them in its message ("Failed query: ... params: ada@example.com,$argon2id$..."),
// and PostgreSQL's `detail` and some messages quote values. None of that is logged.

const DB_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine'];
const DROPPED = new Set(['params', 'detail', 'where', 'internalQuery', 'parameters', 'hint']);
const MAX_DEPTH = 4;

type Fields = Record<string, unknown>;

const isQueryError = (e: Fields) => 'query' in e && 'params' in e;
const isDatabaseError = (e: Fields) =>
  isQueryError(e) || (typeof e.severity === 'string' && typeof e.code === 'string');

// Quoted values in a PostgreSQL message ("invalid input syntax for type uuid: \"...\"").
const maskQuoted = (text: string) => text.replace(/"[^"\n]*"/g, '"…"');

function messageOf(e: Error & Fields): string {
  const message = String(e.message ?? '');
  if (isQueryError(e)) return message.split('\nparams:')[0]!;
  return isDatabaseError(e) ? maskQuoted(message) : message;
}

/** pino's `err` serializer: the usual fields, with no statement parameter anywhere. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > MAX_DEPTH) return err;
  const e = err as Error & Fields;
  const message = messageOf(e);
  const out: Fields = {
    type: e.name,
    message,
    stack: e.stack?.replace(String(e.message), message),
  };
  if (isDatabaseError(e)) {
    for (const key of DB_FIELDS) if (e[key] !== undefined) out[key] = e[key];
    if (typeof e.query === 'string') out.query = e.query; // placeholders, never values
  } else {
    for (const [key, value] of Object.entries(e)) {
      if (!DROPPED.has(key) && key !== 'cause' && !(key in out)) out[key] = value;
    }
  }
  if (e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

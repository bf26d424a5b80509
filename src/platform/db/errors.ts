import { READ_TIMEOUT_MESSAGE } from './read-watchdog.js';

// PostgreSQL's SQLSTATE codes the service acts on. Drivers differ in where they put
// the code: pg on the error itself, Drizzle on its `cause`; read both.

export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  /** NUL in text. */
  characterNotInRepertoire: '22021',
  /** NUL in jsonb. */
  untranslatableCharacter: '22P05',
} as const;

/** The SQLSTATE of a database error, or undefined for anything else. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const isUniqueViolation = (err: unknown): boolean =>
  pgErrorCode(err) === PG_ERROR.uniqueViolation;

export const isForeignKeyViolation = (err: unknown): boolean =>
  pgErrorCode(err) === PG_ERROR.foreignKeyViolation;

/** Text PostgreSQL cannot store (a NUL byte): the client's input, not a fault. */
export const isUnstorableText = (err: unknown): boolean => {
  const code = pgErrorCode(err);
  return code === PG_ERROR.characterNotInRepertoire || code === PG_ERROR.untranslatableCharacter;
};

// What a database error means for the caller. Drizzle and our own wrappers put the
// driver's error in `cause`, so every check walks the cause chain.

function* errorChain(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current) && seen.size < 8) {
    seen.add(current);
    yield current as { code?: unknown; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

// Socket-level failures (the server is down, restarting or unreachable).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs of a server going away: admin_shutdown, crash_shutdown, cannot_connect_now,
// and query_canceled (our statement_timeout: a server too slow to answer counts as away).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014']);

// node-postgres reports lost or timed-out connections as plain Errors without a code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  READ_TIMEOUT_MESSAGE, // ours (read-watchdog.ts) and pg's query_timeout (migrations)
  'is not queryable',
  'Cannot use a pool after calling end',
];

/**
 * True when the error says the database cannot be reached right now (refused or lost
 * connections, a shutting-down server, a timed-out connection or statement), as opposed
 * to a query the database answered with an error. Such a request gets 503, not 500.
 */
export function isDatabaseUnavailableError(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true; // class 08: connection exception
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}

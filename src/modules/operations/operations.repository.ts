import type { Database } from '../../platform/db/client.js';
import type { operations, SqlRow } from '../../platform/db/schema.js';

export type OperationRow = Pick<
  SqlRow<typeof operations>,
  | 'id'
  | 'user_id'
  | 'session_id'
  | 'operation_type'
  | 'status'
  | 'result'
  | 'error_message'
  | 'created_at'
  | 'updated_at'
>;

export const OPERATION_COLUMNS =
  'id, user_id, session_id, operation_type, status, result, error_message, created_at, updated_at';
const RETURNING = OPERATION_COLUMNS.split(', ')
  .map((c) => `ins.${c}`)
  .join(', ');

export type EnqueueOutcome =
  | { kind: 'created'; operation: OperationRow }
  | { kind: 'session_missing' }
  | { kind: 'session_not_active'; status: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

// The whole 202 path in one round trip: ownership and status of the session,
// the per-user rate limit (a row lock on the user's counter serialises
// concurrent requests, across processes) and the insert. The workers are woken
// after the commit (operations.service.ts), not from inside it.
export const ENQUEUE_SQL = `
WITH s AS (
  SELECT id, status FROM interview_sessions WHERE id = $1 AND user_id = $2
), q AS (
  INSERT INTO generation_quota AS g (user_id, window_start, used)
  SELECT $2, now(), 1 FROM s WHERE s.status = 'active' AND $3::int > 0
  ON CONFLICT (user_id) DO UPDATE SET
    window_start = CASE WHEN g.window_start <= now() - interval '1 minute' THEN now() ELSE g.window_start END,
    used = CASE WHEN g.window_start <= now() - interval '1 minute' THEN 1 ELSE g.used + 1 END
  RETURNING used, window_start
), ins AS (
  INSERT INTO operations (user_id, session_id, idempotency_key)
  SELECT $2, s.id, $4 FROM s
  WHERE s.status = 'active' AND ($3::int = 0 OR (SELECT used FROM q) <= $3::int)
  RETURNING *
)
SELECT s.status AS session_status,
       ceil(extract(epoch FROM (SELECT window_start FROM q) + interval '1 minute' - now()))::int AS retry_after,
       ${RETURNING}
  FROM s LEFT JOIN ins ON true`;

/** A live idempotency key of a user: the (user_id, idempotency_key) unique index. */
export const IDEMPOTENCY_SQL = `SELECT ${OPERATION_COLUMNS} FROM operations
  WHERE user_id = $1 AND idempotency_key = $2 AND created_at > now() - interval '24 hours'`;

export function createOperationsRepository(db: Database) {
  return {
    async enqueue(
      sessionId: string,
      userId: string,
      rateLimit: number,
      idempotencyKey: string | null,
    ): Promise<EnqueueOutcome> {
      const [row] = await db.query<
        OperationRow & { session_status: string; retry_after: number | null }
      >(ENQUEUE_SQL, [sessionId, userId, rateLimit, idempotencyKey], 'enqueue_generation');
      if (!row) return { kind: 'session_missing' };
      if (row.id) {
        const { session_status: _s, retry_after: _r, ...operation } = row;
        return { kind: 'created', operation };
      }
      if (row.session_status !== 'active')
        return { kind: 'session_not_active', status: row.session_status };
      return { kind: 'rate_limited', retryAfterSeconds: Math.max(1, row.retry_after ?? 60) };
    },

    async findById(id: string, userId: string): Promise<OperationRow | null> {
      const rows = await db.query<OperationRow>(
        `SELECT ${OPERATION_COLUMNS} FROM operations WHERE id = $1 AND user_id = $2`,
        [id, userId],
        'operation_by_id',
      );
      return rows[0] ?? null;
    },

    /** A live idempotency key of this user (less than 24 hours old). */
    async findByIdempotencyKey(userId: string, key: string): Promise<OperationRow | null> {
      const rows = await db.query<OperationRow>(
        IDEMPOTENCY_SQL,
        [userId, key],
        'idempotent_replay',
      );
      return rows[0] ?? null;
    },

    /** Frees a key whose 24 hours are over, so it can name a new operation. */
    async expireIdempotencyKey(userId: string, key: string): Promise<void> {
      await db.query(
        `UPDATE operations SET idempotency_key = NULL
          WHERE user_id = $1 AND idempotency_key = $2 AND created_at <= now() - interval '24 hours'`,
        [userId, key],
      );
    },

    /**
     * Frees up to `batch` idempotency keys past their 24 hours, oldest first (a partial
     * index on created_at holds only rows with a key); returns how many. Rows another
     * process is cleaning at the same moment are skipped, not waited for.
     */
    async expireIdempotencyKeys(batch: number): Promise<number> {
      const rows = await db.query(
        `UPDATE operations SET idempotency_key = NULL
          WHERE id IN (SELECT id FROM operations
                        WHERE idempotency_key IS NOT NULL AND created_at <= now() - interval '24 hours'
                        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [batch],
        'expire_idempotency_keys',
      );
      return rows.length;
    },

    /** Deletes up to `batch` rate-limit counters whose window ended over ten minutes ago. */
    async deleteStaleQuota(batch: number): Promise<number> {
      const rows = await db.query(
        `DELETE FROM generation_quota
          WHERE user_id IN (SELECT user_id FROM generation_quota
                             WHERE window_start < now() - interval '11 minutes'
                             ORDER BY window_start LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING user_id`,
        [batch],
        'delete_stale_quota',
      );
      return rows.length;
    },

    listBySession: (sessionId: string, userId: string): Promise<OperationRow[]> =>
      db.query<OperationRow>(
        `SELECT ${OPERATION_COLUMNS} FROM operations
          WHERE session_id = $1 AND user_id = $2 ORDER BY seq DESC`,
        [sessionId, userId],
      ),
  };
}

export type OperationsRepository = ReturnType<typeof createOperationsRepository>;

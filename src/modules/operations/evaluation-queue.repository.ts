import type { Queryable } from '../../platform/db/client.js';
import { OPERATION_COLUMNS, type OperationRow } from './operations.repository.js';

const RETURNING = OPERATION_COLUMNS.split(', ')
  .map((c) => `ins.${c}`)
  .join(', ');

export type EvaluationRequestOutcome =
  | { kind: 'created'; operation: OperationRow }
  | { kind: 'session_missing' }
  | { kind: 'target_missing' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

// An explicit feedback or report request in one round trip: the session's ownership, the
// answer it needs (that message, or any answer for a report), the per-user rate limit
// shared with question generation, and the insert. Unlike a question, it does not need an
// active session: a completed interview is exactly what gets a report.
const REQUEST_SQL = `
WITH s AS (
  SELECT id FROM interview_sessions WHERE id = $1 AND user_id = $2
), target AS (
  SELECT m.id FROM messages m JOIN s ON m.session_id = s.id
   WHERE m.role = 'candidate' AND ($3::uuid IS NULL OR m.id = $3::uuid)
   LIMIT 1
), q AS (
  INSERT INTO generation_quota AS g (user_id, window_start, used)
  SELECT $2, now(), 1 FROM target WHERE $4::int > 0
  ON CONFLICT (user_id) DO UPDATE SET
    window_start = CASE WHEN g.window_start <= now() - interval '1 minute' THEN now() ELSE g.window_start END,
    used = CASE WHEN g.window_start <= now() - interval '1 minute' THEN 1 ELSE g.used + 1 END
  RETURNING used, window_start
), ins AS (
  INSERT INTO operations (user_id, session_id, operation_type, answer_message_id)
  SELECT $2, s.id, $5::text, CASE WHEN $5::text = 'answer_feedback' THEN (SELECT id FROM target) END FROM s
   WHERE EXISTS (SELECT 1 FROM target) AND ($4::int = 0 OR (SELECT used FROM q) <= $4::int)
  RETURNING *
)
SELECT EXISTS (SELECT 1 FROM s) AS session_found, EXISTS (SELECT 1 FROM target) AS target_found,
       ceil(extract(epoch FROM (SELECT window_start FROM q) + interval '1 minute' - now()))::int AS retry_after,
       ${RETURNING}
  FROM (SELECT 1) one LEFT JOIN ins ON true`;

export function createEvaluationQueueRepository(db: Queryable) {
  async function request(
    type: 'answer_feedback' | 'session_report',
    sessionId: string,
    userId: string,
    messageId: string | null,
    rateLimit: number,
  ): Promise<EvaluationRequestOutcome> {
    const [row] = await db.query<
      OperationRow & { session_found: boolean; target_found: boolean; retry_after: number | null }
    >(REQUEST_SQL, [sessionId, userId, messageId, rateLimit, type], `request_${type}`);
    if (!row?.session_found) return { kind: 'session_missing' };
    if (!row.target_found) return { kind: 'target_missing' };
    if (!row.id)
      return { kind: 'rate_limited', retryAfterSeconds: Math.max(1, row.retry_after ?? 60) };
    const { session_found: _s, target_found: _t, retry_after: _r, ...operation } = row;
    return { kind: 'created', operation };
  }

  return {
    requestFeedback: (sessionId: string, userId: string, messageId: string, rateLimit: number) =>
      request('answer_feedback', sessionId, userId, messageId, rateLimit),
    requestReport: (sessionId: string, userId: string, rateLimit: number) =>
      request('session_report', sessionId, userId, null, rateLimit),

    /** Inside the caller's transaction: the answer's automatic feedback (not rate limited). */
    async insertFeedback(tx: Queryable, userId: string, sessionId: string, answerId: string) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO operations (user_id, session_id, operation_type, answer_message_id)
         VALUES ($1, $2, 'answer_feedback', $3) RETURNING id`,
        [userId, sessionId, answerId],
        'insert_answer_feedback',
      );
      return row!.id;
    },

    /** Inside the completion's transaction: a report, when the session has an answer. */
    async insertReportIfAnswered(tx: Queryable, userId: string, sessionId: string) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO operations (user_id, session_id, operation_type)
         SELECT $1, $2, 'session_report'
          WHERE EXISTS (SELECT 1 FROM messages WHERE session_id = $2 AND role = 'candidate')
         RETURNING id`,
        [userId, sessionId],
      );
      return row?.id ?? null;
    },
  };
}

export type EvaluationQueueRepository = ReturnType<typeof createEvaluationQueueRepository>;

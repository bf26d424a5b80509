import type { Database } from '../../platform/db/client.js';
import type { OperationType } from '../../platform/db/schema.js';
import type { GeneratedQuestion, GenerationInput, QuestionType } from '../../llm/generator.js';

export interface ClaimedOperation {
  id: string;
  operation_type: OperationType;
  /** The answer an answer_feedback operation evaluates; null for the other types. */
  answer_message_id: string | null;
  session_id: string;
  user_id: string;
  /** How many times a worker has claimed it, this claim included. */
  attempts: number;
  created_at: Date;
  /** Milliseconds from creation to this claim. */
  pickup_ms: number;
}

// Claims the oldest claimable session heads: the oldest live operation of each
// session, so one session's questions are generated one after another, in
// order, each seeing the ones before. `heads` walks the (session_id, seq) index
// one session at a time (a loose index scan), so a claim costs the number of
// sessions with live work, not the depth of the backlog. A 'processing' head
// whose lease lapsed (its worker died) is claimable again; a live one blocks
// its session. Status never moves backwards.
const CLAIM_SQL = `
WITH RECURSIVE heads AS (
  (SELECT id, session_id FROM operations
    WHERE status IN ('pending', 'processing') ORDER BY session_id, seq LIMIT 1)
  UNION ALL
  SELECT n.id, n.session_id FROM heads h CROSS JOIN LATERAL (
    SELECT id, session_id FROM operations
     WHERE status IN ('pending', 'processing') AND session_id > h.session_id
     ORDER BY session_id, seq LIMIT 1) n
), next AS (
  SELECT o.id FROM heads JOIN operations o ON o.id = heads.id
   WHERE o.status = 'pending' OR o.locked_until < now()
   ORDER BY o.seq
   LIMIT $2
   FOR UPDATE OF o SKIP LOCKED
)
UPDATE operations o
   SET status = 'processing', locked_by = $1, locked_until = now() + $3 * interval '1 millisecond',
       attempts = o.attempts + 1, started_at = coalesce(o.started_at, now()), updated_at = now()
  FROM next WHERE o.id = next.id
RETURNING o.id, o.operation_type, o.answer_message_id, o.session_id, o.user_id, o.attempts, o.created_at,
          (extract(epoch FROM clock_timestamp() - o.created_at) * 1000)::float8 AS pickup_ms`;

// Completing is one statement, so one transaction: the guarded status change,
// the interviewer message (unique per operation) and the session's count.
const COMPLETE_SQL = `
WITH op AS (
  UPDATE operations
     SET status = 'completed', result = $3::jsonb, error_message = NULL, finished_at = now(),
         updated_at = now(), locked_by = NULL, locked_until = NULL
   WHERE id = $1 AND status = 'processing' AND locked_by = $2
  RETURNING id, session_id
), msg AS (
  INSERT INTO messages (id, session_id, role, content, question_type, focus, operation_id)
  SELECT $4, op.session_id, 'interviewer', $5, $6, $7::jsonb, op.id FROM op
  RETURNING id
), sess AS (
  UPDATE interview_sessions SET question_count = question_count + 1, updated_at = now()
   WHERE id = (SELECT session_id FROM op)
  RETURNING id
)
SELECT op.id FROM op`;

const FAIL_SQL = `
WITH op AS (
  UPDATE operations
     SET status = 'failed', result = NULL, error_message = $3, finished_at = now(),
         updated_at = now(), locked_by = NULL, locked_until = NULL
   WHERE id = $1 AND status = 'processing' AND locked_by = $2
  RETURNING id
)
SELECT op.id FROM op`;

// Everything a generation reads, in one round trip: the posting, the resume and the
// transcript (oldest first) as a JSON array.
const CONTEXT_SQL = `
SELECT p.title, p.company, p.description, p.tech_stack, p.experience_level, r.content AS resume,
       coalesce((SELECT json_agg(json_build_object('role', m.role, 'content', m.content,
                                                   'question_type', m.question_type) ORDER BY m.seq)
                   FROM messages m WHERE m.session_id = s.id), '[]'::json) AS transcript
  FROM interview_sessions s
  JOIN job_postings p ON p.id = s.job_posting_id
  LEFT JOIN resumes r ON r.user_id = s.user_id
 WHERE s.id = $1`;

export function createGenerationQueueRepository(db: Database) {
  return {
    claim: (workerId: string, limit: number, leaseMs: number): Promise<ClaimedOperation[]> =>
      db.query<ClaimedOperation>(CLAIM_SQL, [workerId, limit, leaseMs], 'claim_operations'),

    /** Stores the question and completes the operation; false when this worker no longer holds it. */
    async complete(
      op: ClaimedOperation,
      workerId: string,
      messageId: string,
      q: GeneratedQuestion,
    ): Promise<boolean> {
      const result = {
        question_text: q.questionText,
        question_type: q.questionType,
        message_id: messageId,
        focus: q.focus,
      };
      const rows = await db.query(
        COMPLETE_SQL,
        [
          op.id,
          workerId,
          JSON.stringify(result),
          messageId,
          q.questionText,
          q.questionType,
          JSON.stringify(q.focus),
        ],
        'complete_operation',
      );
      return rows.length > 0;
    },

    async fail(op: ClaimedOperation, workerId: string, message: string): Promise<boolean> {
      const rows = await db.query(FAIL_SQL, [op.id, workerId, message], 'fail_operation');
      return rows.length > 0;
    },

    /** Hands a claimed operation back at shutdown: claimable at once, and the claim not counted. */
    async release(op: ClaimedOperation, workerId: string): Promise<void> {
      await db.query(
        `UPDATE operations SET locked_by = NULL, locked_until = now(), attempts = attempts - 1, updated_at = now()
          WHERE id = $1 AND status = 'processing' AND locked_by = $2`,
        [op.id, workerId],
      );
    },

    /** Operations waiting for a worker: the queue depth metric. */
    async countPending(): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM operations WHERE status = 'pending'`,
        [],
        'count_pending',
      );
      return row?.n ?? 0;
    },

    /** Embedded mode only: one process owns the folder, so any lease in it belongs to a dead process. */
    async releaseAllLeases(): Promise<number> {
      const rows = await db.query(
        `UPDATE operations SET locked_until = now() WHERE status = 'processing' AND locked_until > now() RETURNING id`,
      );
      return rows.length;
    },

    /** Both sides of the interview: the posting, the resume, and the transcript so far. */
    async loadContext(op: ClaimedOperation): Promise<GenerationInput | null> {
      const [ctx] = await db.query<{
        title: string;
        company: string | null;
        description: string;
        tech_stack: string | null;
        experience_level: string | null;
        resume: string | null;
        transcript: {
          role: 'interviewer' | 'candidate';
          content: string;
          question_type: QuestionType | null;
        }[];
      }>(CONTEXT_SQL, [op.session_id], 'generation_context');
      if (!ctx) return null;
      return {
        jobPosting: {
          title: ctx.title,
          company: ctx.company,
          description: ctx.description,
          techStack: ctx.tech_stack,
          experienceLevel: ctx.experience_level,
        },
        resume: ctx.resume,
        transcript: ctx.transcript.map((m) => ({
          role: m.role,
          content: m.content,
          questionType: m.question_type,
        })),
      };
    },
  };
}

export type GenerationQueueRepository = ReturnType<typeof createGenerationQueueRepository>;

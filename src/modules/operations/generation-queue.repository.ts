import type { Database } from '../../platform/db/client.js';
import type { OperationType, SessionStatus } from '../../platform/db/schema.js';
import type { GeneratedQuestion, GenerationInput, QuestionType } from '../../llm/generator.js';
import { loadPracticeHistory } from './practice-history.js';

/** The turns a generation reads in full: as many as the model's prompt shows. */
export const RECENT_TURNS = 24;
/** Earlier questions (text and type only) read for the near-duplicate check and the type rotation. */
export const EARLIER_QUESTIONS = 200;

export interface ClaimedOperation {
  id: string;
  session_id: string;
  user_id: string;
  operation_type: OperationType;
  /** The answer an answer_feedback operation evaluates; null for the other types. */
  answer_message_id: string | null;
  /** This claim's own token: only it may complete, fail, release or renew the operation. */
  lease_token: string;
  /** The session's status when claimed: a question for an ended session is not generated. */
  session_status: SessionStatus;
  /** How many times a worker has claimed it, this claim included. */
  attempts: number;
  created_at: Date;
  /** Milliseconds from creation to this claim. */
  pickup_ms: number;
}

// A lease handed back lapses a second ago, not at now(): a claim within the same tick of the
// database clock (PGlite's is coarse) would otherwise still see it held.
const LAPSED = "interval '1 second'";

/**
 * The one guarded completion of a claim: $1 the operation, $2 its lease token, $3 the result.
 * Only the claim that holds the lease moves it from processing to completed; a statement may
 * add conditions and its RETURNING, and write what it produced in the same statement.
 *
 * A lease token exists only while its operation is processing (a CHECK constraint says so),
 * so this, fail, renew and release find their row by id and token alone. With a status
 * condition as well, statistics taken while the queue was empty let the planner walk the
 * partial index of live operations instead of the primary key: the whole backlog per row.
 */
export const COMPLETE_CLAIM = `UPDATE operations
     SET status = 'completed', result = $3::jsonb, error_message = NULL, finished_at = now(),
         updated_at = now(), locked_by = NULL, locked_until = NULL, lease_token = NULL
   WHERE id = $1 AND lease_token = $2`;

// Claims the oldest claimable session heads: the oldest live operation of each
// session, so one session's questions are generated one after another, in
// order, each seeing the ones before. `heads` walks the (session_id, seq) index
// one session at a time (a loose index scan), so a claim costs the number of
// sessions with live work, not the depth of the backlog. A 'processing' head
// whose lease lapsed (its worker died) is claimable again; a live one blocks
// its session. Status never moves backwards. Every claim gets a new lease token, so a
// worker that stalled past its lease (in any process, this one included) cannot finish
// an operation another claim has taken over.
// The claimed heads are then read by primary key (`id = ANY`), whatever the statistics say:
// joined to `heads`, a plan made while the queue was empty scanned the whole table for
// every claim (and compared each live row with every head).
export const CLAIM_SQL = `
WITH RECURSIVE heads AS (
  (SELECT id, session_id FROM operations
    WHERE status IN ('pending', 'processing') ORDER BY session_id, seq LIMIT 1)
  UNION ALL
  SELECT n.id, n.session_id FROM heads h CROSS JOIN LATERAL (
    SELECT id, session_id FROM operations
     WHERE status IN ('pending', 'processing') AND session_id > h.session_id
     ORDER BY session_id, seq LIMIT 1) n
), next AS (
  SELECT o.id FROM operations o
   WHERE o.id = ANY (ARRAY(SELECT id FROM heads))
     AND (o.status = 'pending' OR o.locked_until < now())
   ORDER BY o.seq
   LIMIT $2
   FOR UPDATE OF o SKIP LOCKED
)
UPDATE operations o
   SET status = 'processing', locked_by = $1, lease_token = gen_random_uuid(),
       locked_until = now() + $3 * interval '1 millisecond',
       attempts = o.attempts + 1, started_at = coalesce(o.started_at, now()), updated_at = now()
  FROM next, interview_sessions s WHERE o.id = next.id AND s.id = o.session_id
RETURNING o.id, o.session_id, o.user_id, o.operation_type, o.answer_message_id, o.lease_token,
          s.status AS session_status, o.attempts, o.created_at,
          (extract(epoch FROM clock_timestamp() - o.created_at) * 1000)::float8 AS pickup_ms`;

// Completing is one statement, so one transaction: the guarded status change,
// the interviewer message (unique per operation) and the session's count. A question
// reaches only an active session: FOR SHARE waits for a concurrent pause or complete
// and then sees its outcome, and a transition arriving later waits for this one.
const COMPLETE_SQL = `
WITH active AS (
  SELECT s.id FROM operations o JOIN interview_sessions s ON s.id = o.session_id
   WHERE o.id = $1 AND (o.operation_type <> 'question_generation' OR s.status = 'active')
   FOR SHARE OF s
), op AS (
  ${COMPLETE_CLAIM} AND EXISTS (SELECT 1 FROM active)
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
SELECT EXISTS (SELECT 1 FROM op) AS completed, EXISTS (SELECT 1 FROM active) AS session_active,
       (SELECT s.status FROM operations o JOIN interview_sessions s ON s.id = o.session_id
         WHERE o.id = $1) AS session_status`;

const FAIL_SQL = `
UPDATE operations
   SET status = 'failed', result = NULL, error_message = $3, finished_at = now(),
       updated_at = now(), locked_by = NULL, locked_until = NULL, lease_token = NULL
 WHERE id = $1 AND lease_token = $2
RETURNING id`;

// A live worker renews its leases while it works, so a lease lapses only when its
// holder died or stalled: that is what the claim counter counts. Every claim a process
// holds is renewed together: one statement however many are in flight.
const RENEW_MANY_SQL = `
UPDATE operations o SET locked_until = now() + $3 * interval '1 millisecond'
  FROM unnest($1::uuid[], $2::uuid[]) AS h(id, token)
 WHERE o.id = h.id AND o.lease_token = h.token
RETURNING o.id`;

// Everything a generation reads, in one round trip: the posting, the resume and a
// bounded transcript (oldest first) as a JSON array: the last $2 turns in full and,
// before them, only the questions (at most $3), for the duplicate check. Long sessions
// cost no more than short ones.
const CONTEXT_SQL = `
SELECT p.title, p.company, p.description, p.tech_stack, p.experience_level, r.content AS resume,
       s.focus,
       coalesce((SELECT json_agg(json_build_object('role', t.role, 'content', t.content,
                                                   'question_type', t.question_type) ORDER BY t.seq)
                   FROM ((SELECT m.seq, m.role, m.content, m.question_type FROM messages m
                           WHERE m.session_id = s.id ORDER BY m.seq DESC LIMIT $2)
                         UNION
                         (SELECT m.seq, m.role, m.content, m.question_type FROM messages m
                           WHERE m.session_id = s.id AND m.role = 'interviewer'
                           ORDER BY m.seq DESC LIMIT $3)) t), '[]'::json) AS transcript
  FROM interview_sessions s
  JOIN job_postings p ON p.id = s.job_posting_id
  LEFT JOIN resumes r ON r.user_id = s.user_id
 WHERE s.id = $1`;

export type CompleteOutcome =
  { kind: 'completed' } | { kind: 'session_not_active'; status: SessionStatus } | { kind: 'lost' };

export function createGenerationQueueRepository(db: Database) {
  async function renewMany(
    ops: readonly ClaimedOperation[],
    leaseMs: number,
  ): Promise<Set<string>> {
    const rows = await db.query<{ id: string }>(
      RENEW_MANY_SQL,
      [ops.map((o) => o.id), ops.map((o) => o.lease_token), leaseMs],
      'renew_leases',
    );
    return new Set(rows.map((r) => r.id));
  }

  return {
    claim: (workerId: string, limit: number, leaseMs: number): Promise<ClaimedOperation[]> =>
      db.query<ClaimedOperation>(CLAIM_SQL, [workerId, limit, leaseMs], 'claim_operations'),

    /**
     * Stores the question and completes the operation. 'session_not_active': the interview
     * was paused or completed meanwhile (nothing stored); 'lost': another claim holds it,
     * or the operation was deleted with its interview or account.
     */
    async complete(
      op: ClaimedOperation,
      messageId: string,
      q: GeneratedQuestion,
    ): Promise<CompleteOutcome> {
      const result = {
        question_text: q.questionText,
        question_type: q.questionType,
        message_id: messageId,
        focus: q.focus,
      };
      const [row] = await db.query<{
        completed: boolean;
        session_active: boolean;
        session_status: SessionStatus | null;
      }>(
        COMPLETE_SQL,
        [
          op.id,
          op.lease_token,
          JSON.stringify(result),
          messageId,
          q.questionText,
          q.questionType,
          JSON.stringify(q.focus),
        ],
        'complete_operation',
      );
      if (row?.completed) return { kind: 'completed' };
      // No session status: the operation itself is gone (its account or interview was deleted).
      return row && !row.session_active && row.session_status !== null
        ? { kind: 'session_not_active', status: row.session_status }
        : { kind: 'lost' };
    },

    /** Fails the operation with a message for people; false when this claim no longer holds it. */
    async fail(op: ClaimedOperation, message: string): Promise<boolean> {
      const rows = await db.query(FAIL_SQL, [op.id, op.lease_token, message], 'fail_operation');
      return rows.length > 0;
    },

    /** Extends this claim's lease; false when the claim was lost (its lease lapsed and was taken). */
    async renew(op: ClaimedOperation, leaseMs: number): Promise<boolean> {
      return (await renewMany([op], leaseMs)).has(op.id);
    },

    /** Extends the leases of many claims in one statement; returns the ids still held. */
    renewMany,

    /** Hands a claimed operation back at shutdown: claimable at once, and the claim not counted. */
    async release(op: ClaimedOperation): Promise<void> {
      await db.query(
        `UPDATE operations SET locked_by = NULL, lease_token = NULL, locked_until = now() - ${LAPSED},
                attempts = attempts - 1, updated_at = now()
          WHERE id = $1 AND lease_token = $2`,
        [op.id, op.lease_token],
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
        `UPDATE operations SET locked_until = now() - ${LAPSED} WHERE status = 'processing' AND locked_until > now() RETURNING id`,
      );
      return rows.length;
    },

    /** Both sides of the interview: the posting, the resume, and the turns the generator uses. */
    async loadContext(op: ClaimedOperation): Promise<GenerationInput | null> {
      const [ctx] = await db.query<{
        title: string;
        company: string | null;
        description: string;
        tech_stack: string | null;
        experience_level: string | null;
        resume: string | null;
        focus: 'all' | 'weak_areas';
        transcript: {
          role: 'interviewer' | 'candidate';
          content: string;
          question_type: QuestionType | null;
        }[];
      }>(CONTEXT_SQL, [op.session_id, RECENT_TURNS, EARLIER_QUESTIONS], 'generation_context');
      if (!ctx) return null;
      const practice =
        ctx.focus === 'weak_areas' ? await loadPracticeHistory(db, op.session_id) : undefined;
      return {
        ...(practice ? { practice } : {}),
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

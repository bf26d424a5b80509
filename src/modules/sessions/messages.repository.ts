import type { Database, Queryable } from '../../platform/db/client.js';
import type { messages, SqlRow } from '../../platform/db/schema.js';

export type MessageRow = Omit<SqlRow<typeof messages>, 'seq'>;

const COLUMNS =
  'id, session_id, role, content, question_type, focus, operation_id, reply_to, created_at';

export function createMessagesRepository(db: Database) {
  return {
    /** Oldest first, strictly after the message numbered `afterSeq`. */
    listPage: (
      sessionId: string,
      take: number,
      afterSeq = '0',
    ): Promise<(MessageRow & { sort_seq: string })[]> =>
      db.query<MessageRow & { sort_seq: string }>(
        `SELECT ${COLUMNS}, seq::text AS sort_seq FROM messages
          WHERE session_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
        [sessionId, afterSeq, take],
        'messages_page',
      ),
    /** The newest question of the session with whether it was answered; null before the first. */
    async latestQuestion(
      tx: Queryable,
      sessionId: string,
    ): Promise<{ id: string; answered: boolean } | null> {
      const rows = await tx.query<{ id: string; answered: boolean }>(
        `SELECT m.id, EXISTS (SELECT 1 FROM messages a WHERE a.reply_to = m.id) AS answered
           FROM messages m
          WHERE m.session_id = $1 AND m.role = 'interviewer'
          ORDER BY m.seq DESC LIMIT 1`,
        [sessionId],
      );
      return rows[0] ?? null;
    },
    /** A question of this session with how many answers it has; null when there is none. */
    async questionAttempts(
      tx: Queryable,
      sessionId: string,
      questionId: string,
    ): Promise<{ id: string; attempts: number } | null> {
      const rows = await tx.query<{ id: string; attempts: number }>(
        `SELECT m.id, (SELECT count(*)::int FROM messages a WHERE a.reply_to = m.id) AS attempts
           FROM messages m
          WHERE m.id = $2 AND m.session_id = $1 AND m.role = 'interviewer'`,
        [sessionId, questionId],
      );
      return rows[0] ?? null;
    },
    /**
     * The first `maxQuestions` questions stored by `until`, and the answers given to them by
     * then, oldest first: the transcript a report summed up.
     */
    transcriptUntil: (sessionId: string, until: Date, maxQuestions: number) =>
      db.query<MessageRow>(
        `WITH q AS (
           SELECT id FROM messages
            WHERE session_id = $1 AND role = 'interviewer' AND created_at <= $2::timestamptz
            ORDER BY seq LIMIT $3)
         SELECT ${COLUMNS} FROM messages
          WHERE session_id = $1 AND created_at <= $2::timestamptz
            AND (id IN (SELECT id FROM q) OR reply_to IN (SELECT id FROM q))
          ORDER BY seq`,
        [sessionId, until.toISOString(), maxQuestions],
        'transcript_until',
      ),
    /** The caller holds the session's row lock, which orders concurrent answers to it. */
    async insertAnswer(
      tx: Queryable,
      sessionId: string,
      questionId: string,
      content: string,
    ): Promise<MessageRow> {
      const rows = await tx.query<MessageRow>(
        `INSERT INTO messages (session_id, role, content, reply_to)
         VALUES ($1, 'candidate', $2, $3)
         RETURNING ${COLUMNS}`,
        [sessionId, content, questionId],
      );
      return rows[0]!;
    },
  };
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;

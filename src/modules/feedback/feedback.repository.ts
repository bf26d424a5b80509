import type { Database } from '../../platform/db/client.js';
import type { Evaluation } from '../../llm/feedback/index.js';

export interface FeedbackRow {
  id: string;
  seq: number;
  session_id: string;
  question_message_id: string;
  answer_message_id: string;
  status: Evaluation['status'];
  answer_class: Evaluation['answerClass'];
  score: number | null;
  rating: Evaluation['rating'];
  summary: string;
  criteria: Evaluation['criteria'];
  strengths: Evaluation['strengths'];
  improvements: Evaluation['improvements'];
  requirement: Evaluation['requirement'];
  example_answer: string | null;
  generator: Evaluation['generator'];
  rubric_version: number;
  created_at: Date;
}

export interface ReportRow {
  id: string;
  session_id: string;
  questions: number;
  answered: number;
  scored: number;
  overall_score: number | null;
  rating: Evaluation['rating'];
  summary: string;
  criteria: { key: string; mean_level: number | null; n: number }[];
  requirements: { text: string; status: string }[];
  strengths: { text: string; answer_message_id: string; quote: string }[];
  improvements: { text: string; answer_message_id: string }[];
  practice_next: { requirement: string; reason: string }[];
  generator: Evaluation['generator'];
  rubric_version: number;
  created_at: Date;
}

export const FEEDBACK_COLUMNS = `id, seq::float8 AS seq, session_id, question_message_id, answer_message_id, status,
  answer_class, score, rating, summary, criteria, strengths, improvements, requirement, example_answer,
  generator, rubric_version, created_at`;

const REPORT_COLUMNS = `id, session_id, questions, answered, scored, overall_score, rating, summary, criteria,
  requirements, strengths, improvements, practice_next, generator, rubric_version, created_at`;

/** The API's reads; every one is scoped to the owner. */
export function createFeedbackRepository(db: Database) {
  return {
    /** Oldest first, from after `afterSeq`; one row more than asked shows there is a next page. */
    listBySession: (sessionId: string, userId: string, limit: number, afterSeq: number) =>
      db.query<FeedbackRow>(
        `SELECT ${FEEDBACK_COLUMNS} FROM answer_feedback
          WHERE session_id = $1 AND user_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [sessionId, userId, afterSeq, limit + 1],
        'feedback_by_session',
      ),

    /** The newest feedback of each answer of the session as it stood at `until`. */
    feedbackUntil: (sessionId: string, userId: string, until: Date) =>
      db.query<FeedbackRow>(
        `SELECT DISTINCT ON (answer_message_id) ${FEEDBACK_COLUMNS} FROM answer_feedback
          WHERE session_id = $1 AND user_id = $2 AND created_at <= $3::timestamptz
          ORDER BY answer_message_id, seq DESC`,
        [sessionId, userId, until.toISOString()],
        'feedback_until',
      ),

    async newestReport(sessionId: string, userId: string): Promise<ReportRow | null> {
      const rows = await db.query<ReportRow>(
        `SELECT ${REPORT_COLUMNS} FROM session_reports
          WHERE session_id = $1 AND user_id = $2 ORDER BY seq DESC LIMIT 1`,
        [sessionId, userId],
        'newest_report',
      );
      return rows[0] ?? null;
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;

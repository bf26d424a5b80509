// Progress reads: each is one statement over a posting's sessions, whatever their number,
// so a page costs the same three round trips for one session or for a hundred.

import type { Database } from '../../platform/db/client.js';
import type { JobPostingContext } from '../../llm/feedback/index.js';

export interface ProgressSessionRow {
  session_id: string;
  status: 'active' | 'paused' | 'completed';
  created_at: Date;
  updated_at: Date;
  answered: number;
  /** The session's newest report of the rubric asked for; all null without one. */
  overall_score: number | null;
  report_criteria: { key: string; mean_level: number | null }[] | null;
  report_requirements: { text: string; status: string }[] | null;
}

export interface ProgressQuestionRow {
  session_id: string;
  requirement: string | null;
  attempts: number;
}

export interface PostingSummaryRow {
  job_posting_id: string;
  title: string;
  company: string | null;
  sessions: number;
  latest_score: number | null;
  best_score: number | null;
}

const SESSIONS_SQL = `
SELECT s.id AS session_id, s.status, s.created_at, s.updated_at,
       (SELECT count(DISTINCT a.reply_to)::int FROM messages a
         WHERE a.session_id = s.id AND a.role = 'candidate') AS answered,
       r.overall_score, r.criteria AS report_criteria, r.requirements AS report_requirements
  FROM interview_sessions s
  LEFT JOIN LATERAL (
    SELECT overall_score, criteria, requirements FROM session_reports
     WHERE session_id = s.id AND rubric_version = $3 ORDER BY seq DESC LIMIT 1) r ON true
 WHERE s.job_posting_id = $1 AND s.user_id = $2
 ORDER BY s.created_at, s.id`;

const QUESTIONS_SQL = `
SELECT q.session_id, q.focus->>'requirement' AS requirement,
       (SELECT count(*)::int FROM messages a WHERE a.reply_to = q.id) AS attempts
  FROM interview_sessions s
  JOIN messages q ON q.session_id = s.id AND q.role = 'interviewer'
 WHERE s.job_posting_id = $1 AND s.user_id = $2
 ORDER BY s.created_at, s.id, q.seq`;

const SUMMARY_SQL = `
SELECT p.id AS job_posting_id, p.title, p.company,
       (SELECT count(*)::int FROM interview_sessions s WHERE s.job_posting_id = p.id) AS sessions,
       (SELECT r.overall_score FROM session_reports r
          JOIN interview_sessions s ON s.id = r.session_id
         WHERE s.job_posting_id = p.id AND r.rubric_version = $2
         ORDER BY r.seq DESC LIMIT 1) AS latest_score,
       (SELECT max(r.overall_score) FROM session_reports r
          JOIN interview_sessions s ON s.id = r.session_id
         WHERE s.job_posting_id = p.id AND r.rubric_version = $2) AS best_score
  FROM job_postings p
 WHERE p.user_id = $1
 ORDER BY p.created_at DESC, p.id DESC`;

export function createProgressRepository(db: Pick<Database, 'query'>) {
  return {
    async posting(id: string, userId: string): Promise<JobPostingContext | null> {
      const rows = await db.query<JobPostingContext>(
        `SELECT title, company, description, tech_stack AS "techStack",
                experience_level AS "experienceLevel"
           FROM job_postings WHERE id = $1 AND user_id = $2`,
        [id, userId],
        'progress_posting',
      );
      return rows[0] ?? null;
    },
    sessions: (postingId: string, userId: string, rubricVersion: number) =>
      db.query<ProgressSessionRow>(
        SESSIONS_SQL,
        [postingId, userId, rubricVersion],
        'progress_sessions',
      ),
    questions: (postingId: string, userId: string) =>
      db.query<ProgressQuestionRow>(QUESTIONS_SQL, [postingId, userId], 'progress_questions'),
    summaries: (userId: string, rubricVersion: number) =>
      db.query<PostingSummaryRow>(SUMMARY_SQL, [userId, rubricVersion], 'progress_summaries'),
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;

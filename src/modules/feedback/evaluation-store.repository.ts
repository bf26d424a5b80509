// The worker's statements for feedback and reports: what an evaluation reads, and the one
// statement that stores its outcome and completes the operation (guarded, like a question).

import type { Database } from '../../platform/db/client.js';
import type { Evaluation, EvaluationInput, QuestionType } from '../../llm/feedback/index.js';
import {
  COMPLETE_CLAIM,
  type ClaimedOperation,
} from '../operations/generation-queue.repository.js';
import { FEEDBACK_COLUMNS, type FeedbackRow } from './feedback.repository.js';
import type { BuiltReport } from './report-builder.js';

const FEEDBACK_CONTEXT_SQL = `
SELECT a.content AS answer, q.id AS question_id, q.content AS question, q.question_type, q.focus,
       p.title, p.company, p.description, p.tech_stack, p.experience_level, r.content AS resume
  FROM messages a
  JOIN messages q ON q.id = a.reply_to
  JOIN interview_sessions s ON s.id = a.session_id
  JOIN job_postings p ON p.id = s.job_posting_id
  LEFT JOIN resumes r ON r.user_id = s.user_id
 WHERE a.id = $1 AND a.session_id = $2`;

const COMPLETE_FEEDBACK_SQL = `
WITH op AS (
  ${COMPLETE_CLAIM}
  RETURNING id, session_id, user_id
), fb AS (
  INSERT INTO answer_feedback (id, user_id, session_id, question_message_id, answer_message_id,
    operation_id, status, answer_class, score, rating, summary, criteria, strengths, improvements,
    requirement, example_answer, generator, rubric_version)
  SELECT $4, op.user_id, op.session_id, $5, $6, op.id, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb,
         $14::jsonb, $15::jsonb, $16, $17, $18 FROM op
  RETURNING id
)
SELECT op.id FROM op`;

const COMPLETE_REPORT_SQL = `
WITH op AS (
  ${COMPLETE_CLAIM}
  RETURNING id, session_id, user_id
), rep AS (
  INSERT INTO session_reports (id, user_id, session_id, operation_id, questions, answered, scored,
    overall_score, rating, summary, criteria, requirements, strengths, improvements, practice_next,
    generator, rubric_version)
  SELECT $4, op.user_id, op.session_id, op.id, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb,
         $13::jsonb, $14::jsonb, $15::jsonb, $16, $17 FROM op
  RETURNING id
)
SELECT op.id FROM op`;

export interface ReportContext {
  posting: EvaluationInput['jobPosting'];
  questions: { id: string; requirement: string | null }[];
  answers: { id: string; question_id: string }[];
  /** The newest feedback of each answer. */
  feedback: FeedbackRow[];
}

const json = (value: unknown) => JSON.stringify(value);

export function createEvaluationStore(db: Database) {
  return {
    async loadFeedbackContext(
      op: ClaimedOperation,
    ): Promise<{ questionId: string; input: EvaluationInput } | null> {
      if (!op.answer_message_id) return null;
      const [row] = await db.query<{
        answer: string;
        question_id: string;
        question: string;
        question_type: QuestionType | null;
        focus: { requirement?: string | null } | null;
        title: string;
        company: string | null;
        description: string;
        tech_stack: string | null;
        experience_level: string | null;
        resume: string | null;
      }>(FEEDBACK_CONTEXT_SQL, [op.answer_message_id, op.session_id], 'feedback_context');
      if (!row) return null;
      return {
        questionId: row.question_id,
        input: {
          question: {
            text: row.question,
            type: row.question_type,
            requirement: row.focus?.requirement?.trim() || null,
          },
          answer: row.answer,
          jobPosting: {
            title: row.title,
            company: row.company,
            description: row.description,
            techStack: row.tech_stack,
            experienceLevel: row.experience_level,
          },
          resume: row.resume,
        },
      };
    },

    async completeFeedback(
      op: ClaimedOperation,
      ids: { feedbackId: string; questionId: string; answerId: string },
      e: Evaluation,
    ): Promise<boolean> {
      const result = {
        feedback_id: ids.feedbackId,
        answer_message_id: ids.answerId,
        status: e.status,
        score: e.score,
      };
      const rows = await db.query(
        COMPLETE_FEEDBACK_SQL,
        [
          op.id,
          op.lease_token,
          json(result),
          ids.feedbackId,
          ids.questionId,
          ids.answerId,
          e.status,
          e.answerClass,
          e.score,
          e.rating,
          e.summary,
          json(e.criteria),
          json(e.strengths),
          json(e.improvements),
          e.requirement === null ? null : json(e.requirement),
          e.exampleAnswer,
          e.generator,
          e.rubricVersion,
        ],
        'complete_feedback',
      );
      return rows.length > 0;
    },

    async loadReportContext(op: ClaimedOperation): Promise<ReportContext | null> {
      const [posting] = await db.query<{
        title: string;
        company: string | null;
        description: string;
        tech_stack: string | null;
        experience_level: string | null;
      }>(
        `SELECT p.title, p.company, p.description, p.tech_stack, p.experience_level
           FROM interview_sessions s JOIN job_postings p ON p.id = s.job_posting_id WHERE s.id = $1`,
        [op.session_id],
      );
      if (!posting) return null;
      const messages = await db.query<{
        id: string;
        role: 'interviewer' | 'candidate';
        reply_to: string | null;
        focus: { requirement?: string | null } | null;
      }>(`SELECT id, role, reply_to, focus FROM messages WHERE session_id = $1 ORDER BY seq`, [
        op.session_id,
      ]);
      const feedback = await db.query<FeedbackRow>(
        `SELECT DISTINCT ON (answer_message_id) ${FEEDBACK_COLUMNS} FROM answer_feedback
          WHERE session_id = $1 ORDER BY answer_message_id, seq DESC`,
        [op.session_id],
      );
      return {
        posting: {
          title: posting.title,
          company: posting.company,
          description: posting.description,
          techStack: posting.tech_stack,
          experienceLevel: posting.experience_level,
        },
        questions: messages
          .filter((m) => m.role === 'interviewer')
          .map((m) => ({ id: m.id, requirement: m.focus?.requirement?.trim() || null })),
        answers: messages
          .filter((m) => m.role === 'candidate' && m.reply_to)
          .map((m) => ({ id: m.id, question_id: m.reply_to! })),
        feedback,
      };
    },

    async completeReport(op: ClaimedOperation, reportId: string, r: BuiltReport): Promise<boolean> {
      const result = { report_id: reportId, overall_score: r.overallScore, rating: r.rating };
      const rows = await db.query(
        COMPLETE_REPORT_SQL,
        [
          op.id,
          op.lease_token,
          json(result),
          reportId,
          r.questions,
          r.answered,
          r.scored,
          r.overallScore,
          r.rating,
          r.summary,
          json(r.criteria),
          json(r.requirements),
          json(r.strengths),
          json(r.improvements),
          json(r.practiceNext),
          r.generator,
          r.rubricVersion,
        ],
        'complete_report',
      );
      return rows.length > 0;
    },
  };
}

export type EvaluationStore = ReturnType<typeof createEvaluationStore>;

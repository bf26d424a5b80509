import { notFound } from '../../platform/errors.js';
import type { EvaluationQueue } from '../operations/evaluation-queue.service.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { FeedbackRepository, FeedbackRow, ReportRow } from './feedback.repository.js';

interface FeedbackDeps {
  feedback: FeedbackRepository;
  sessions: SessionsService;
  evaluations: EvaluationQueue;
}

export function createFeedbackService({ feedback, sessions, evaluations }: FeedbackDeps) {
  return {
    /** A page of the session's feedback, oldest first, and the cursor of the next page. */
    async list(
      sessionId: string,
      userId: string,
      limit: number,
      cursor: string | undefined,
    ): Promise<{ items: FeedbackRow[]; next: string | null }> {
      await sessions.get(sessionId, userId);
      const rows = await feedback.listBySession(sessionId, userId, limit, Number(cursor ?? 0));
      const items = rows.slice(0, limit);
      return { items, next: rows.length > limit ? String(items.at(-1)!.seq) : null };
    },

    /** The newest report; GET never recomputes one. */
    async report(sessionId: string, userId: string): Promise<ReportRow> {
      const report = await feedback.newestReport(sessionId, userId);
      if (!report) throw notFound('REPORT_NOT_FOUND', 'Interview report');
      return report;
    },

    requestFeedback: (sessionId: string, userId: string, messageId: string) =>
      evaluations.requestFeedback(sessionId, userId, messageId),

    requestReport: (sessionId: string, userId: string) =>
      evaluations.requestReport(sessionId, userId),
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;

import { notFound } from '../../../platform/errors.js';
import type { JobPostingsService } from '../../job-postings/job-postings.service.js';
import type { SessionsService } from '../../sessions/sessions.service.js';
import type { FeedbackRepository } from '../feedback.repository.js';
import {
  buildReportDocument,
  MAX_DOCUMENT_QUESTIONS,
  reportFileName,
  type ReportDocument,
} from './report-document.js';
import { renderReportMarkdown } from './report-markdown.js';
import type { PdfRenderer } from './report-pdf-renderer.js';

interface ReportExportDeps {
  feedback: FeedbackRepository;
  sessions: SessionsService;
  jobPostings: JobPostingsService;
  pdf: PdfRenderer;
}

export interface ExportedFile<Body> {
  fileName: string;
  body: Body;
}

export function createReportExportService({
  feedback,
  sessions,
  jobPostings,
  pdf,
}: ReportExportDeps) {
  /** The newest stored report as a document, with what it summed up; nothing is recomputed. */
  async function document(sessionId: string, userId: string): Promise<ReportDocument> {
    // Another user's session has no report for this caller: the same 404 as GET .../report.
    const report = await feedback.newestReport(sessionId, userId);
    if (!report) throw notFound('REPORT_NOT_FOUND', 'Interview report');
    // The transcript and feedback as they stood when the report was made, so the document's
    // answers are the ones its scores count. Timestamps come back to the millisecond: the next
    // millisecond covers everything stored before the report.
    const until = new Date(report.created_at.getTime() + 1);
    const { session, questions } = await sessions.transcriptUntil(
      sessionId,
      userId,
      until,
      MAX_DOCUMENT_QUESTIONS,
    );
    const posting = await jobPostings.get(session.jobPostingId, userId);
    return buildReportDocument({
      report,
      posting: { title: posting.title, company: posting.company },
      questions,
      feedback: await feedback.feedbackUntil(sessionId, userId, until),
    });
  }

  return {
    async markdown(sessionId: string, userId: string): Promise<ExportedFile<string>> {
      const doc = await document(sessionId, userId);
      return { fileName: reportFileName(doc, 'md'), body: renderReportMarkdown(doc) };
    },

    async pdf(sessionId: string, userId: string): Promise<ExportedFile<Buffer>> {
      const doc = await document(sessionId, userId);
      return { fileName: reportFileName(doc, 'pdf'), body: await pdf.render(doc) };
    },
  };
}

export type ReportExportService = ReturnType<typeof createReportExportService>;

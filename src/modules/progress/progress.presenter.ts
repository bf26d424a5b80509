import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { PostingSummaryRow } from './progress.repository.js';
import type { PostingProgress } from './progress.service.js';
import type { postingProgressResponse, progressOverviewResponse } from './progress.schemas.js';

export const toPostingProgressResponse = (
  p: PostingProgress,
): z.infer<typeof postingProgressResponse> => ({
  job_posting_id: p.jobPostingId,
  sessions: p.sessions.map((s) => ({
    session_id: s.session_id,
    status: s.status,
    created_at: iso(s.created_at),
    // A completed session changes no more, so its last update is its completion.
    completed_at: s.status === 'completed' ? iso(s.updated_at) : null,
    answered: s.answered,
    overall_score: s.overall_score,
  })),
  requirements: p.requirements,
  criteria: p.criteria,
});

export const toProgressOverviewResponse = (
  rows: PostingSummaryRow[],
): z.infer<typeof progressOverviewResponse> => ({
  job_postings: rows.map((r) => ({
    job_posting_id: r.job_posting_id,
    title: r.title,
    company: r.company,
    sessions: r.sessions,
    latest_score: r.latest_score,
    best_score: r.best_score,
  })),
});

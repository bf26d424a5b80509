import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';

const requirementStatus = z.enum(['demonstrated', 'mentioned', 'absent', 'untested']);
const score = z.number().int().min(0).max(100).nullable();

export const postingProgressResponse = z.object({
  job_posting_id: z.uuid(),
  sessions: z
    .array(
      z.object({
        session_id: z.uuid(),
        status: z.enum(['active', 'paused', 'completed']),
        created_at: timestamp,
        completed_at: timestamp.nullable(),
        answered: z.number().int().describe('Questions with at least one answer.'),
        overall_score: score.describe("The session's newest report's score; null without one."),
      }),
    )
    .describe('Every session of the posting, oldest first.'),
  requirements: z.array(
    z.object({
      text: z.string(),
      best_status: requirementStatus,
      first_status: requirementStatus.describe(
        'As in the oldest report that asked about it: with latest_status, what changed.',
      ),
      latest_status: requirementStatus.describe('As in the newest report that asked about it.'),
      attempts: z.number().int().describe('Answers given to questions that targeted it.'),
    }),
  ),
  criteria: z.array(
    z.object({
      key: z.string(),
      points: z
        .array(z.object({ session_id: z.uuid(), mean_level: z.number().nullable() }))
        .describe('One point per reported session, oldest first.'),
    }),
  ),
});

export const progressOverviewResponse = z.object({
  job_postings: z.array(
    z.object({
      job_posting_id: z.uuid(),
      title: z.string(),
      company: z.string().nullable(),
      sessions: z.number().int(),
      latest_score: score,
      best_score: score,
    }),
  ),
});

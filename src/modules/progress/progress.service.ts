// Progress over a posting's interviews, by arithmetic over the stored reports and the
// transcript: nothing is judged again. Only reports of the current rubric are compared.

import {
  CRITERION_KEYS,
  RUBRIC_VERSION,
  matchRequirement,
  postingRequirements,
} from '../../llm/feedback/index.js';
import { notFound } from '../../platform/errors.js';
import type { ProgressRepository, ProgressSessionRow } from './progress.repository.js';

export type RequirementStatus = 'demonstrated' | 'mentioned' | 'absent' | 'untested';

const RANK: Record<RequirementStatus, number> = {
  untested: 0,
  absent: 1,
  mentioned: 2,
  demonstrated: 3,
};
const statusOf = (s: string): RequirementStatus =>
  s in RANK ? (s as RequirementStatus) : 'untested';

export interface RequirementProgress {
  text: string;
  best_status: RequirementStatus;
  first_status: RequirementStatus;
  latest_status: RequirementStatus;
  attempts: number;
}

export interface PostingProgress {
  jobPostingId: string;
  sessions: ProgressSessionRow[];
  requirements: RequirementProgress[];
  criteria: { key: string; points: { session_id: string; mean_level: number | null }[] }[];
}

export function createProgressService({ progress }: { progress: ProgressRepository }) {
  return {
    async forPosting(postingId: string, userId: string): Promise<PostingProgress> {
      const posting = await progress.posting(postingId, userId);
      if (!posting) throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
      const [sessions, questions] = await Promise.all([
        progress.sessions(postingId, userId, RUBRIC_VERSION),
        progress.questions(postingId, userId),
      ]);
      const texts = postingRequirements(posting);
      const entries = new Map<string, RequirementProgress>();
      // A requirement in the posting's words; one the posting list lacks is kept as named.
      const entry = (named: string): RequirementProgress => {
        const text = matchRequirement(named, texts) ?? named.trim();
        let found = entries.get(text);
        if (!found) {
          found = {
            text,
            best_status: 'untested',
            first_status: 'untested',
            latest_status: 'untested',
            attempts: 0,
          };
          entries.set(text, found);
        }
        return found;
      };
      for (const text of texts) entry(text);

      const reported = sessions.filter((s) => s.report_requirements !== null);
      for (const s of reported) {
        for (const r of s.report_requirements!) {
          const e = entry(r.text);
          const status = statusOf(r.status);
          if (RANK[status] > RANK[e.best_status]) e.best_status = status;
          // Oldest first, so the newest report that asked about it has the last word.
          if (status === 'untested') continue;
          if (e.first_status === 'untested') e.first_status = status;
          e.latest_status = status;
        }
      }
      for (const q of questions)
        if (q.requirement?.trim()) entry(q.requirement).attempts += q.attempts;

      const criteria = CRITERION_KEYS.map((key) => ({
        key,
        points: reported.map((s) => ({
          session_id: s.session_id,
          mean_level: s.report_criteria?.find((c) => c.key === key)?.mean_level ?? null,
        })),
      }));
      return { jobPostingId: postingId, sessions, requirements: [...entries.values()], criteria };
    },

    overview: (userId: string) => progress.summaries(userId, RUBRIC_VERSION),
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;

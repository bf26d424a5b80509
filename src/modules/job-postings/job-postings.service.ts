import { notFound } from '../../platform/errors.js';
import type { EraseSessions } from '../sessions/session-erasure.js';
import type {
  JobPostingFields,
  JobPostingRow,
  JobPostingsRepository,
} from './job-postings.repository.js';

export function createJobPostingsService({
  jobPostings,
  eraseSessions,
}: {
  jobPostings: JobPostingsRepository;
  /** The sessions module's erasure: a posting's interviews go with it. */
  eraseSessions: EraseSessions;
}) {
  async function get(id: string, userId: string): Promise<JobPostingRow> {
    const posting = await jobPostings.findById(id, userId);
    if (!posting) throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
    return posting;
  }

  return {
    create: (userId: string, fields: JobPostingFields) => jobPostings.insert(userId, fields),
    list: (userId: string) => jobPostings.listByUser(userId),
    get,
    async update(
      id: string,
      userId: string,
      fields: Partial<JobPostingFields>,
    ): Promise<JobPostingRow> {
      if (Object.keys(fields).length === 0) return get(id, userId);
      const posting = await jobPostings.update(id, userId, fields);
      if (!posting) throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
      return posting;
    },
    /** Deletes the posting and its interviews (transcripts, operations) in one transaction. */
    async remove(id: string, userId: string): Promise<void> {
      if (!(await jobPostings.delete(id, userId, eraseSessions)))
        throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
    },
  };
}

export type JobPostingsService = ReturnType<typeof createJobPostingsService>;

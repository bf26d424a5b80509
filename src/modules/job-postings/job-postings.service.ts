import { AppError, notFound } from '../../platform/errors.js';
import type { EraseSessions } from '../sessions/session-erasure.js';
import type {
  JobPostingFields,
  JobPostingRow,
  JobPostingsRepository,
} from './job-postings.repository.js';

export function createJobPostingsService({
  jobPostings,
  eraseSessions,
  maxPerUser,
}: {
  jobPostings: JobPostingsRepository;
  /** The sessions module's erasure: a posting's interviews go with it. */
  eraseSessions: EraseSessions;
  /** Postings one user may keep; 0: no limit. */
  maxPerUser: number;
}) {
  async function get(id: string, userId: string): Promise<JobPostingRow> {
    const posting = await jobPostings.findById(id, userId);
    if (!posting) throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
    return posting;
  }

  return {
    async create(userId: string, fields: JobPostingFields): Promise<JobPostingRow> {
      const posting = await jobPostings.insertCapped(userId, fields, maxPerUser);
      if (!posting) {
        throw new AppError(
          'LIMIT_REACHED',
          `You have ${maxPerUser} job postings, the most one account can keep. Delete one you no longer need first.`,
        );
      }
      return posting;
    },
    listPage: jobPostings.listPage,
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

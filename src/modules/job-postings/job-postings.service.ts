import { AppError, notFound } from '../../platform/errors.js';
import type {
  JobPostingFields,
  JobPostingRow,
  JobPostingsRepository,
} from './job-postings.repository.js';

export function createJobPostingsService({
  jobPostings,
  maxPerUser,
}: {
  jobPostings: JobPostingsRepository;
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
    async remove(id: string, userId: string): Promise<void> {
      const outcome = await jobPostings.delete(id, userId);
      if (outcome === 'missing') throw notFound('JOB_POSTING_NOT_FOUND', 'Job posting');
      if (outcome === 'in_use') {
        throw new AppError(
          'JOB_POSTING_IN_USE',
          'This job posting has interviews; it is kept so their transcripts stay complete.',
        );
      }
    },
  };
}

export type JobPostingsService = ReturnType<typeof createJobPostingsService>;

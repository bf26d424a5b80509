import { notFound } from '../../platform/errors.js';
import type { ResumeRow, ResumesRepository } from './resumes.repository.js';

export function createResumesService({ resumes }: { resumes: ResumesRepository }) {
  return {
    save: (
      userId: string,
      content: string,
      sourceFilename: string | null = null,
    ): Promise<ResumeRow> => resumes.upsert(userId, content, sourceFilename),

    async get(userId: string): Promise<ResumeRow> {
      const resume = await resumes.findByUser(userId);
      if (!resume) throw notFound('RESUME_NOT_FOUND', 'Resume');
      return resume;
    },

    /** The text the question generator reads; null when the user has none. */
    findText: async (userId: string): Promise<string | null> =>
      (await resumes.findByUser(userId))?.content ?? null,
  };
}

export type ResumesService = ReturnType<typeof createResumesService>;

import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { ResumeRow } from './resumes.repository.js';
import type { resumeResponse } from './resumes.schemas.js';

export const toResumeResponse = (r: ResumeRow): z.infer<typeof resumeResponse> => ({
  id: r.id,
  content: r.content,
  source_filename: r.sourceFilename,
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt),
});

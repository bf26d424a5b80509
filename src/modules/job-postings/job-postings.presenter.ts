import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { JobPostingFields, JobPostingRow } from './job-postings.repository.js';
import type { jobPostingResponse, updateJobPostingBody } from './job-postings.schemas.js';

export const toJobPostingResponse = (p: JobPostingRow): z.infer<typeof jobPostingResponse> => ({
  id: p.id,
  title: p.title,
  company: p.company,
  description: p.description,
  tech_stack: p.techStack,
  experience_level: p.experienceLevel,
  created_at: iso(p.createdAt),
  updated_at: iso(p.updatedAt),
});

/** Only the fields the client sent; an absent field is left as it is. */
export function fromJobPostingPatch(
  body: z.infer<typeof updateJobPostingBody>,
): Partial<JobPostingFields> {
  const fields: Partial<JobPostingFields> = {};
  if (body.title !== undefined) fields.title = body.title;
  if (body.description !== undefined) fields.description = body.description;
  if (body.company !== undefined) fields.company = body.company;
  if (body.tech_stack !== undefined) fields.techStack = body.tech_stack;
  if (body.experience_level !== undefined) fields.experienceLevel = body.experience_level;
  return fields;
}

import { z } from 'zod';
import { optionalText, timestamp } from '../../platform/http/schemas.js';

const title = z.string().trim().min(1, 'must not be empty').max(200);
const description = z.string().trim().min(1, 'must not be empty').max(20_000);

export const createJobPostingBody = z.object({
  title,
  description,
  company: optionalText(200),
  tech_stack: optionalText(1_000),
  experience_level: optionalText(100),
});

export const updateJobPostingBody = z
  .object({
    title: title.optional(),
    description: description.optional(),
    company: optionalText(200).optional(),
    tech_stack: optionalText(1_000).optional(),
    experience_level: optionalText(100).optional(),
  })
  .strict();

export const jobPostingResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  company: z.string().nullable(),
  description: z.string(),
  tech_stack: z.string().nullable(),
  experience_level: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

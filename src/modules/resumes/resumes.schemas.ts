import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';

export const RESUME_MAX_CHARS = 50_000;

export const resumeBody = z.object({
  content: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(RESUME_MAX_CHARS, `must be at most ${RESUME_MAX_CHARS} characters`),
});

export const resumeResponse = z.object({
  id: z.uuid(),
  content: z.string(),
  source_filename: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

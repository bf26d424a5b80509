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

export const RESUME_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file part as the multipart plugin attaches it to the body. */
export interface UploadedFilePart {
  type: 'file';
  filename: string;
  mimetype: string;
  toBuffer(): Promise<Buffer>;
}

const isFilePart = (value: unknown): value is UploadedFilePart =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'file';

export const resumeFileBody = z.object({
  file: z.custom<UploadedFilePart>(isFilePart, 'must be a file (PDF, DOCX or TXT)').meta({
    type: 'string',
    format: 'binary',
    description: 'The resume as a PDF, DOCX or TXT file, at most 5 MB.',
  }),
});

import { z } from 'zod';

export const deleteAccountBody = z.object({ password: z.string().min(1).max(128) });

const rows = z.array(z.record(z.string(), z.unknown()));

// Documents the export; the body is streamed, so this is not used to serialise it.
export const exportResponse = z
  .object({
    format: z.literal('interview-practice-export'),
    version: z.number().int(),
    exported_at: z.string(),
    account: z.object({
      id: z.uuid(),
      email: z.string(),
      full_name: z.string(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
    resume: rows,
    job_postings: rows,
    interview_sessions: rows,
    messages: rows,
    operations: rows,
    generation_quota: rows,
    logged_out_tokens: rows,
    llm_settings: rows,
  })
  .catchall(rows)
  .describe(
    'Every row stored about the caller, table by table (no password hash, no provider key)',
  );

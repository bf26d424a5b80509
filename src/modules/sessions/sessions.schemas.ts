import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';
import { QUESTION_TYPES } from '../../llm/generator.js';

export const createSessionBody = z.object({
  job_posting_id: z.uuid({ message: 'must be a UUID' }),
  focus: z
    .enum(['all', 'weak_areas'])
    .default('all')
    .describe('weak_areas: ask first about what earlier sessions of the posting left weak.'),
});

export const sessionResponse = z.object({
  id: z.uuid(),
  job_posting_id: z.uuid(),
  status: z.enum(['active', 'paused', 'completed']),
  question_count: z.number().int(),
  focus: z.enum(['all', 'weak_areas']),
  created_at: timestamp,
  updated_at: timestamp,
});

export const completedSessionResponse = sessionResponse.extend({
  report_operation_id: z
    .uuid()
    .nullable()
    .describe('The session_report operation created with the completion; null without an answer.'),
});

export const focusSchema = z.object({
  requirement: z.string().nullable(),
  evidence: z.string().nullable(),
  summary: z.string(),
});

export const messageResponse = z.object({
  id: z.uuid(),
  role: z.enum(['interviewer', 'candidate']),
  content: z.string(),
  question_type: z.enum(QUESTION_TYPES).nullable(),
  focus: focusSchema.nullable(),
  reply_to: z.uuid().nullable(),
  operation_id: z.uuid().nullable(),
  created_at: timestamp,
});

export const answerResponse = messageResponse.extend({
  feedback_operation_id: z.uuid().describe('The answer_feedback operation evaluating this answer.'),
});

export const answerBody = z.object({
  content: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(20_000, 'must be at most 20000 characters'),
  question_message_id: z
    .uuid({ message: 'must be a UUID' })
    .optional()
    .describe('An earlier question of this session to answer again; default the newest open one.'),
});

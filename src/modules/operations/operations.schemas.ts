import { z } from 'zod';
import { QUESTION_TYPES } from '../../llm/generator.js';
import { timestamp } from '../../platform/http/schemas.js';
import { focusSchema } from '../sessions/sessions.schemas.js';
import { MAX_WAIT_SECONDS } from './operations.service.js';

export const questionResult = z.object({
  question_text: z.string(),
  question_type: z.enum(QUESTION_TYPES),
  message_id: z.uuid(),
  focus: focusSchema.optional(),
});

export const feedbackResult = z.object({
  feedback_id: z.uuid(),
  answer_message_id: z.uuid(),
  status: z.enum(['scored', 'not_scored']),
  score: z.number().int().min(0).max(100).nullable(),
});

export const reportResult = z.object({
  report_id: z.uuid(),
  overall_score: z.number().int().min(0).max(100).nullable(),
  rating: z.enum(['strong', 'solid', 'developing', 'weak']).nullable(),
});

export const operationResponse = z.object({
  id: z.uuid(),
  operation_type: z.enum(['question_generation', 'answer_feedback', 'session_report']),
  status: z.enum(['pending', 'processing', 'completed', 'failed']),
  session_id: z.uuid(),
  result: z.union([questionResult, feedbackResult, reportResult]).nullable(),
  error_message: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const waitQuery = z.object({
  wait: z.coerce
    .number()
    .min(0)
    .max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS}`)
    .optional()
    .describe('Seconds to wait for the operation to finish before answering (long-poll).'),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe(
      'Repeating a key within 24 h returns the first operation instead of creating another.',
    ),
});

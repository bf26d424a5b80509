import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';
import { ANSWER_CLASSES, CRITERION_KEYS, REQUIREMENT_STATUSES } from '../../llm/feedback/index.js';

const rating = z.enum(['strong', 'solid', 'developing', 'weak']).nullable();
const generator = z.enum(['offline', 'openai']);

export const spanSchema = z
  .object({ quote: z.string(), start: z.number().int(), end: z.number().int() })
  .describe('A piece of the answer: answer.content.slice(start, end) === quote');

export const feedbackResponse = z.object({
  id: z.uuid(),
  session_id: z.uuid(),
  question_message_id: z.uuid(),
  answer_message_id: z.uuid(),
  status: z.enum(['scored', 'not_scored']),
  answer_class: z.enum(ANSWER_CLASSES),
  score: z.number().int().min(0).max(100).nullable(),
  rating,
  summary: z.string(),
  criteria: z.array(
    z.object({
      key: z.enum(CRITERION_KEYS),
      level: z.number().int().min(0).max(3).nullable(),
      comment: z.string(),
      evidence: z.array(spanSchema),
    }),
  ),
  strengths: z.array(z.object({ text: z.string(), evidence: z.array(spanSchema) })),
  improvements: z.array(z.object({ text: z.string() })),
  requirement: z.object({ text: z.string(), status: z.enum(REQUIREMENT_STATUSES) }).nullable(),
  example_answer: z.string().nullable(),
  generator,
  rubric_version: z.number().int(),
  created_at: timestamp,
});

export const reportResponse = z.object({
  id: z.uuid(),
  session_id: z.uuid(),
  questions: z.number().int(),
  answered: z.number().int(),
  scored: z.number().int(),
  overall_score: z.number().int().min(0).max(100).nullable(),
  rating,
  summary: z.string(),
  criteria: z.array(
    z.object({
      key: z.enum(CRITERION_KEYS),
      mean_level: z.number().nullable(),
      n: z.number().int(),
    }),
  ),
  requirements: z.array(
    z.object({ text: z.string(), status: z.enum([...REQUIREMENT_STATUSES, 'untested']) }),
  ),
  strengths: z.array(
    z.object({ text: z.string(), answer_message_id: z.uuid(), quote: z.string() }),
  ),
  improvements: z.array(z.object({ text: z.string(), answer_message_id: z.uuid() })),
  practice_next: z.array(z.object({ requirement: z.string(), reason: z.string() })),
  generator,
  rubric_version: z.number().int(),
  created_at: timestamp,
});

export const messageParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  message_id: z.uuid({ message: 'must be a UUID' }),
});

export const MAX_FEEDBACK_PAGE = 500;

export const feedbackListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FEEDBACK_PAGE, `must be at most ${MAX_FEEDBACK_PAGE}`)
    .default(MAX_FEEDBACK_PAGE),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a cursor from a Link header')
    .optional()
    .describe('Opaque: the value from the previous page’s Link header.'),
});

/** The report as a file to download (Content-Disposition: attachment). */
export const reportMarkdownFile = {
  description: 'The newest report as a Markdown document',
  content: { 'text/markdown': { schema: z.string() } },
};

export const reportPdfFile = {
  description: 'The newest report as a PDF document',
  // The bytes are sent as they are (Fastify serialises no Buffer); the document says binary.
  content: {
    'application/pdf': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) },
  },
};

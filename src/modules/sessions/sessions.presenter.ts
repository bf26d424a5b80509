import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { MessageRow } from './messages.repository.js';
import type { SessionRow } from './sessions.repository.js';
import type { messageResponse, sessionResponse } from './sessions.schemas.js';

export const toSessionResponse = (s: SessionRow): z.infer<typeof sessionResponse> => ({
  id: s.id,
  job_posting_id: s.jobPostingId,
  status: s.status,
  question_count: s.questionCount,
  focus: s.focus,
  created_at: iso(s.createdAt),
  updated_at: iso(s.updatedAt),
});

type MessageResponse = z.infer<typeof messageResponse>;

export const toMessageResponse = (m: MessageRow): MessageResponse => ({
  id: m.id,
  role: m.role,
  content: m.content,
  question_type: m.question_type as MessageResponse['question_type'],
  focus: (m.focus ?? null) as MessageResponse['focus'],
  reply_to: m.reply_to,
  operation_id: m.operation_id,
  created_at: iso(m.created_at),
});

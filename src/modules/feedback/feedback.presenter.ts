import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { FeedbackRow, ReportRow } from './feedback.repository.js';
import type { feedbackResponse, reportResponse } from './feedback.schemas.js';

export const toFeedbackResponse = (f: FeedbackRow): z.infer<typeof feedbackResponse> => ({
  id: f.id,
  session_id: f.session_id,
  question_message_id: f.question_message_id,
  answer_message_id: f.answer_message_id,
  status: f.status,
  answer_class: f.answer_class,
  score: f.score,
  rating: f.rating,
  summary: f.summary,
  criteria: f.criteria,
  strengths: f.strengths,
  improvements: f.improvements,
  requirement: f.requirement,
  example_answer: f.example_answer,
  generator: f.generator,
  rubric_version: f.rubric_version,
  created_at: iso(f.created_at),
});

type ReportResponse = z.infer<typeof reportResponse>;

export const toReportResponse = (r: ReportRow): ReportResponse => ({
  id: r.id,
  session_id: r.session_id,
  questions: r.questions,
  answered: r.answered,
  scored: r.scored,
  overall_score: r.overall_score,
  rating: r.rating,
  summary: r.summary,
  criteria: r.criteria as ReportResponse['criteria'],
  requirements: r.requirements as ReportResponse['requirements'],
  strengths: r.strengths,
  improvements: r.improvements,
  practice_next: r.practice_next,
  generator: r.generator,
  rubric_version: r.rubric_version,
  created_at: iso(r.created_at),
});

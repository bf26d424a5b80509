// The wire shapes the UI reads, named from the generated api-schema.d.ts (never copied by
// hand: `npm run generate:api` regenerates it from the service's OpenAPI document).
import type { paths } from './api-schema.js';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a path's answer with `status`. */
export type Answer<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;
/** The JSON body a path takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type User = Answer<'/api/v1/users/me', 'get'>;
export type Token = Answer<'/api/v1/auth/login', 'post'>;
export type Resume = Answer<'/api/v1/users/me/resume', 'get'>;
export type JobPosting = Answer<'/api/v1/job-postings/{id}', 'get'>;
export type JobPostingInput = Body<'/api/v1/job-postings', 'post'>;
export type Session = Answer<'/api/v1/sessions/{id}', 'get'>;
export type SessionStatus = Session['status'];
export type SessionFocusChoice = NonNullable<Body<'/api/v1/sessions', 'post'>['focus']>;
export type Message = Answer<'/api/v1/sessions/{id}/messages', 'get'>[number];
export type QuestionType = NonNullable<Message['question_type']>;
export type Focus = NonNullable<Message['focus']>;
export type Operation = Answer<'/api/v1/operations/{id}', 'get'>;
export type OperationStatus = Operation['status'];
export type ModelSettings = Answer<'/api/v1/users/me/llm', 'get'>;
export type ModelSettingsInput = Body<'/api/v1/users/me/llm', 'put'>;
export type Feedback = Answer<'/api/v1/sessions/{id}/feedback', 'get'>[number];
export type Span = Feedback['strengths'][number]['evidence'][number];
export type CriterionKey = Feedback['criteria'][number]['key'];
export type Rating = NonNullable<Feedback['rating']>;
export type Report = Answer<'/api/v1/sessions/{id}/report', 'get'>;
export type RequirementStatus = Report['requirements'][number]['status'];
export type PostingProgress = Answer<'/api/v1/job-postings/{id}/progress', 'get'>;
export type RequirementProgress = PostingProgress['requirements'][number];

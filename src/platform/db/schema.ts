// Drizzle's view of the tables that migrations/ creates. The SQL files are the
// source of truth; keep this in step with them.
import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  fullName: text('full_name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const resumes = pgTable('resumes', {
  id: id(),
  userId: uuid('user_id').notNull(),
  content: text('content').notNull(),
  sourceFilename: text('source_filename'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const jobPostings = pgTable('job_postings', {
  id: id(),
  userId: uuid('user_id').notNull(),
  title: text('title').notNull(),
  company: text('company'),
  description: text('description').notNull(),
  techStack: text('tech_stack'),
  experienceLevel: text('experience_level'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type SessionStatus = 'active' | 'paused' | 'completed';

export const interviewSessions = pgTable('interview_sessions', {
  id: id(),
  userId: uuid('user_id').notNull(),
  jobPostingId: uuid('job_posting_id').notNull(),
  status: text('status').$type<SessionStatus>().notNull().default('active'),
  questionCount: integer('question_count').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type OperationStatus = 'pending' | 'processing' | 'completed' | 'failed';
export type OperationType = 'question_generation' | 'answer_feedback' | 'session_report';

export const operations = pgTable('operations', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  userId: uuid('user_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  operationType: text('operation_type').$type<OperationType>().notNull(),
  answerMessageId: uuid('answer_message_id'),
  status: text('status').$type<OperationStatus>().notNull(),
  result: jsonb('result'),
  errorMessage: text('error_message'),
  attempts: integer('attempts').notNull(),
  lockedBy: text('locked_by'),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  idempotencyKey: text('idempotency_key'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const messages = pgTable('messages', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  sessionId: uuid('session_id').notNull(),
  role: text('role').$type<'interviewer' | 'candidate'>().notNull(),
  content: text('content').notNull(),
  questionType: text('question_type'),
  focus: jsonb('focus'),
  operationId: uuid('operation_id'),
  replyTo: uuid('reply_to'),
  createdAt: createdAt(),
});

export const schema = { users, resumes, jobPostings, interviewSessions, operations, messages };

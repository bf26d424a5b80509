// Drizzle's view of the tables that migrations/ creates. The SQL files are the source of
// truth; test/platform/schema.test.ts fails when a table or column here differs from the
// migrated database. Drizzle repositories use the camelCase rows; raw-SQL repositories use
// SqlRow<table>, the same columns under their snake_case names.
import { sql, type InferSelectModel, type Table } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  fullName: text('full_name').notNull(),
  tokenVersion: integer('token_version').notNull().default(0),
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

/** What a session's questions go to first: everything, or what earlier sessions left weak. */
export type SessionFocus = 'all' | 'weak_areas';

export const interviewSessions = pgTable('interview_sessions', {
  id: id(),
  userId: uuid('user_id').notNull(),
  jobPostingId: uuid('job_posting_id').notNull(),
  status: text('status').$type<SessionStatus>().notNull().default('active'),
  questionCount: integer('question_count').notNull().default(0),
  focus: text('focus').$type<SessionFocus>().notNull().default('all'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type OperationStatus = 'pending' | 'processing' | 'completed' | 'failed';
export type OperationType = 'question_generation' | 'answer_feedback' | 'session_report';

export const operations = pgTable('operations', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  userId: uuid('user_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  operationType: text('operation_type')
    .$type<OperationType>()
    .notNull()
    .default('question_generation'),
  answerMessageId: uuid('answer_message_id'),
  status: text('status').$type<OperationStatus>().notNull().default('pending'),
  result: jsonb('result'),
  errorMessage: text('error_message'),
  attempts: integer('attempts').notNull().default(0),
  /** Which worker holds the claim (for people reading the table). */
  lockedBy: text('locked_by'),
  lockedUntil: at('locked_until'),
  idempotencyKey: text('idempotency_key'),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** Which claim holds it: only the current claim may finish, release or renew it. */
  leaseToken: uuid('lease_token'),
});

export const generationQuota = pgTable('generation_quota', {
  userId: uuid('user_id').primaryKey(),
  windowStart: at('window_start').notNull(),
  used: integer('used').notNull(),
});

export type MessageRole = 'interviewer' | 'candidate';

export const messages = pgTable('messages', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  sessionId: uuid('session_id').notNull(),
  role: text('role').$type<MessageRole>().notNull(),
  content: text('content').notNull(),
  questionType: text('question_type'),
  focus: jsonb('focus'),
  operationId: uuid('operation_id'),
  replyTo: uuid('reply_to'),
  createdAt: createdAt(),
});

export const userLlmSettings = pgTable('user_llm_settings', {
  userId: uuid('user_id').primaryKey(),
  baseUrl: text('base_url').notNull(),
  model: text('model').notNull(),
  apiKeyEncrypted: text('api_key_encrypted'),
  keyHint: text('key_hint'),
  version: bigint('version', { mode: 'number' })
    .notNull()
    .default(sql`nextval('user_llm_settings_version_seq')`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const answerFeedback = pgTable('answer_feedback', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  userId: uuid('user_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  questionMessageId: uuid('question_message_id').notNull(),
  answerMessageId: uuid('answer_message_id').notNull(),
  operationId: uuid('operation_id'),
  status: text('status').notNull(),
  answerClass: text('answer_class').notNull(),
  score: integer('score'),
  rating: text('rating'),
  summary: text('summary').notNull(),
  criteria: jsonb('criteria').notNull(),
  strengths: jsonb('strengths').notNull(),
  improvements: jsonb('improvements').notNull(),
  requirement: jsonb('requirement'),
  exampleAnswer: text('example_answer'),
  generator: text('generator').notNull(),
  rubricVersion: integer('rubric_version').notNull(),
  createdAt: createdAt(),
});

export const sessionReports = pgTable('session_reports', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  userId: uuid('user_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  operationId: uuid('operation_id'),
  questions: integer('questions').notNull(),
  answered: integer('answered').notNull(),
  scored: integer('scored').notNull(),
  overallScore: integer('overall_score'),
  rating: text('rating'),
  summary: text('summary').notNull(),
  criteria: jsonb('criteria').notNull(),
  requirements: jsonb('requirements').notNull(),
  strengths: jsonb('strengths').notNull(),
  improvements: jsonb('improvements').notNull(),
  practiceNext: jsonb('practice_next').notNull(),
  generator: text('generator').notNull(),
  rubricVersion: integer('rubric_version').notNull(),
  createdAt: createdAt(),
});

export const revokedTokens = pgTable('revoked_tokens', {
  jti: uuid('jti').primaryKey(),
  userId: uuid('user_id').notNull(),
  expiresAt: at('expires_at').notNull(),
});

/** Failed logins and registrations; keys are hashes, never an email or address. */
export const authThrottleEvents = pgTable('auth_throttle_events', {
  id: bigint('id', { mode: 'number' })
    .primaryKey()
    .default(sql`nextval('auth_throttle_events_id_seq')`),
  kind: text('kind').notNull(),
  keyHash: text('key_hash').notNull(),
  createdAt: createdAt(),
});

export const schema = {
  users,
  resumes,
  jobPostings,
  interviewSessions,
  operations,
  generationQuota,
  messages,
  userLlmSettings,
  answerFeedback,
  sessionReports,
  revokedTokens,
  authThrottleEvents,
};

type Columns<T extends Table> = T['_']['columns'];

/** A row as raw SQL returns it: the table's columns under their database (snake_case) names. */
export type SqlRow<T extends Table> = {
  [K in keyof Columns<T> & string as Columns<T>[K]['_']['name']]: InferSelectModel<T>[K];
};

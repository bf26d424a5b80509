-- Accounts, resumes, job postings, interview sessions, their transcripts and
-- the operations table, which is also the work queue. PostgreSQL 15 syntax.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  full_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE resumes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  content text NOT NULL,
  source_filename text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE job_postings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title text NOT NULL,
  company text,
  description text NOT NULL,
  tech_stack text,
  experience_level text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_postings_user_idx ON job_postings (user_id, created_at DESC);

CREATE TABLE interview_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- RESTRICT: a posting with interviews cannot be deleted out from under them.
  job_posting_id uuid NOT NULL REFERENCES job_postings (id) ON DELETE RESTRICT,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed')),
  question_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_sessions_user_idx ON interview_sessions (user_id, created_at DESC);
CREATE INDEX interview_sessions_posting_idx ON interview_sessions (job_posting_id);

CREATE TABLE operations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Creation order; the worker runs one session's operations in this order.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
  operation_type text NOT NULL DEFAULT 'question_generation'
    CHECK (operation_type IN ('question_generation')),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  result jsonb,
  error_message text,
  attempts integer NOT NULL DEFAULT 0,
  locked_by text,
  locked_until timestamptz,
  idempotency_key text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The claim query walks only live work, in creation order.
CREATE INDEX operations_live_idx ON operations (seq) WHERE status IN ('pending', 'processing');
CREATE INDEX operations_session_live_idx ON operations (session_id, seq)
  WHERE status IN ('pending', 'processing');
CREATE INDEX operations_session_idx ON operations (session_id, seq DESC);
CREATE UNIQUE INDEX operations_idempotency_key ON operations (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Per-user generation counter for the rate limit: one row a user, a fixed window.
CREATE TABLE generation_quota (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  window_start timestamptz NOT NULL,
  used integer NOT NULL
);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('interviewer', 'candidate')),
  content text NOT NULL,
  question_type text CHECK (question_type IN ('technical', 'behavioral', 'situational', 'experience')),
  focus jsonb,
  -- One question per operation, however often a generation is executed.
  operation_id uuid UNIQUE REFERENCES operations (id) ON DELETE SET NULL,
  -- A candidate message answers exactly one question, and a question gets one answer.
  reply_to uuid UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_session_idx ON messages (session_id, seq);

-- Workers sleep on LISTEN operations_ready; any new row wakes them on commit.
CREATE FUNCTION notify_operations_ready() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('operations_ready', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER operations_ready AFTER INSERT ON operations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_operations_ready();

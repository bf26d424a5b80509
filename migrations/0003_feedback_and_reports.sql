-- Feedback on answers and interview reports, computed by the same queue as questions.
-- Every row records the rubric version it was judged by, so scores from different
-- rubrics are never compared as if they were the same measure.

ALTER TABLE operations DROP CONSTRAINT IF EXISTS operations_operation_type_check;
ALTER TABLE operations ADD CONSTRAINT operations_operation_type_check
  CHECK (operation_type IN ('question_generation', 'answer_feedback', 'session_report'));
-- The answer an answer_feedback operation evaluates; null for the other types.
ALTER TABLE operations ADD COLUMN answer_message_id uuid REFERENCES messages (id) ON DELETE CASCADE;

CREATE TABLE answer_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
  question_message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  answer_message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  -- One feedback per operation, however often the evaluation is executed.
  operation_id uuid UNIQUE REFERENCES operations (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('scored', 'not_scored')),
  answer_class text NOT NULL
    CHECK (answer_class IN ('substantive', 'too_short', 'non_answer', 'off_topic')),
  score integer CHECK (score BETWEEN 0 AND 100),
  rating text CHECK (rating IN ('strong', 'solid', 'developing', 'weak')),
  summary text NOT NULL,
  criteria jsonb NOT NULL,
  strengths jsonb NOT NULL,
  improvements jsonb NOT NULL,
  requirement jsonb,
  example_answer text,
  generator text NOT NULL CHECK (generator IN ('offline', 'openai')),
  rubric_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Honesty, enforced by the database as well: a number only with a scored status.
  CHECK ((status = 'scored') = (score IS NOT NULL) AND (score IS NULL) = (rating IS NULL))
);
CREATE INDEX answer_feedback_session_idx ON answer_feedback (session_id, seq);
CREATE INDEX answer_feedback_answer_idx ON answer_feedback (answer_message_id, seq DESC);

CREATE TABLE session_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
  operation_id uuid UNIQUE REFERENCES operations (id) ON DELETE SET NULL,
  questions integer NOT NULL,
  answered integer NOT NULL,
  scored integer NOT NULL,
  overall_score integer CHECK (overall_score BETWEEN 0 AND 100),
  rating text CHECK (rating IN ('strong', 'solid', 'developing', 'weak')),
  summary text NOT NULL,
  criteria jsonb NOT NULL,
  requirements jsonb NOT NULL,
  strengths jsonb NOT NULL,
  improvements jsonb NOT NULL,
  practice_next jsonb NOT NULL,
  generator text NOT NULL CHECK (generator IN ('offline', 'openai')),
  rubric_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((overall_score IS NULL) = (rating IS NULL) AND (overall_score IS NULL) = (scored = 0))
);
CREATE INDEX session_reports_session_idx ON session_reports (session_id, seq DESC);

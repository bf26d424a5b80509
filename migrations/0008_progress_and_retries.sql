-- Practising again: a question may be answered more than once (each answer an attempt with
-- its own feedback; the service caps the attempts), and a session records what it focuses on.

ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_reply_to_key;
CREATE INDEX messages_reply_to_idx ON messages (reply_to) WHERE reply_to IS NOT NULL;

ALTER TABLE interview_sessions ADD COLUMN focus text NOT NULL DEFAULT 'all'
  CHECK (focus IN ('all', 'weak_areas'));

-- Deleting a row makes PostgreSQL look up every row that references it, once per deleted
-- row; without an index each lookup reads the whole table. Deleting an interview of 20
-- messages took 3 s with a million operations stored (operations.answer_message_id).
-- Only an answer's feedback operation has an answer_message_id, so the partial index costs
-- a question's operation (the 202) nothing.
CREATE INDEX operations_answer_message_idx ON operations (answer_message_id)
  WHERE answer_message_id IS NOT NULL;
CREATE INDEX answer_feedback_question_message_idx ON answer_feedback (question_message_id);
CREATE INDEX answer_feedback_user_idx ON answer_feedback (user_id);
CREATE INDEX session_reports_user_idx ON session_reports (user_id);

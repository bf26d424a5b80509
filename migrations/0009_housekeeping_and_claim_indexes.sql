-- The service's own housekeeping walks only what it cleans up: idempotency keys past their
-- 24 hours (oldest first) and rate-limit counters whose window is long over.
CREATE INDEX operations_idempotency_age_idx ON operations (created_at)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX generation_quota_window_idx ON generation_quota (window_start);

-- The claim walks session heads through operations_session_live_idx (session_id, seq).
-- Beside it, a partial index on seq alone with the same predicate let the planner,
-- once the table had statistics, walk every live row for every head and sort them
-- (0.5 s for 500 live sessions over a million finished operations, against 25 ms).
-- The queue-depth count uses the remaining index as well.
DROP INDEX IF EXISTS operations_live_idx;

-- The service's own housekeeping walks only what it cleans up: idempotency keys past their
-- 24 hours (oldest first) and rate-limit counters whose window is long over.
CREATE INDEX operations_idempotency_age_idx ON operations (created_at)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX generation_quota_window_idx ON generation_quota (window_start);

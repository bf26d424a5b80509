-- Failed logins and registrations, one row each, counted over a sliding window per
-- account and per client address (in the database, so the limits hold across processes).
-- Keys are hashes: the table holds no email or address in the clear. The service deletes
-- rows older than the longest window.
CREATE TABLE auth_throttle_events (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('login_account', 'login_address', 'register_address')),
  key_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_throttle_events_by_key ON auth_throttle_events (kind, key_hash, created_at);
CREATE INDEX auth_throttle_events_by_age ON auth_throttle_events (created_at);

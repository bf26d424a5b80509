-- Account and data: revocable tokens, a user's own model provider, and interviews that
-- go with the posting they were held for. PostgreSQL 15 syntax.

-- Raised by a password change: every token carrying an older version stops working.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- Tokens logged out before they expire. A row is needed only until the token's own
-- expiry; later rows are pruned when new ones are written.
CREATE TABLE revoked_tokens (
  jti uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_user_idx ON revoked_tokens (user_id);
CREATE INDEX revoked_tokens_expiry_idx ON revoked_tokens (expires_at);

-- A user's own OpenAI-compatible provider. The key is AES-256-GCM ciphertext
-- (iv, tag and data, base64) under SECRETS_KEY; `version` names the settings so a
-- worker can cache the generator built from them: drawn from a sequence on every
-- write, so settings deleted and saved again never reuse a version.
CREATE SEQUENCE user_llm_settings_version_seq;
CREATE TABLE user_llm_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  base_url text NOT NULL,
  model text NOT NULL,
  api_key_encrypted text,
  key_hint text,
  version bigint NOT NULL DEFAULT nextval('user_llm_settings_version_seq'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Deleting a posting now deletes its interviews (the service does it step by step in
-- one transaction, so operations in flight find nothing; the cascade is the backstop).
ALTER TABLE interview_sessions DROP CONSTRAINT interview_sessions_job_posting_id_fkey;
ALTER TABLE interview_sessions ADD CONSTRAINT interview_sessions_job_posting_id_fkey
  FOREIGN KEY (job_posting_id) REFERENCES job_postings (id) ON DELETE CASCADE;

import type { Database } from '../../platform/db/client.js';

export interface LlmSettingsRow {
  user_id: string;
  base_url: string;
  model: string;
  api_key_encrypted: string | null;
  key_hint: string | null;
  version: string;
  updated_at: Date;
}

export function createLlmSettingsRepository(db: Database) {
  return {
    async find(userId: string): Promise<LlmSettingsRow | null> {
      const [row] = await db.query<LlmSettingsRow>(
        'SELECT * FROM user_llm_settings WHERE user_id = $1',
        [userId],
      );
      return row ?? null;
    },
    /** The settings' version alone: what a worker checks before every generation. */
    async versionOf(userId: string): Promise<string | null> {
      const [row] = await db.query<{ version: string }>(
        'SELECT version::text AS version FROM user_llm_settings WHERE user_id = $1',
        [userId],
        'llm_settings_version',
      );
      return row?.version ?? null;
    },
    async save(
      userId: string,
      values: {
        baseUrl: string;
        model: string;
        apiKeyEncrypted: string | null;
        keyHint: string | null;
      },
    ): Promise<LlmSettingsRow> {
      const [row] = await db.query<LlmSettingsRow>(
        `INSERT INTO user_llm_settings (user_id, base_url, model, api_key_encrypted, key_hint)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE
           SET base_url = excluded.base_url, model = excluded.model,
               api_key_encrypted = excluded.api_key_encrypted, key_hint = excluded.key_hint,
               version = nextval('user_llm_settings_version_seq'), updated_at = now()
         RETURNING *`,
        [userId, values.baseUrl, values.model, values.apiKeyEncrypted, values.keyHint],
      );
      return row!;
    },
    async delete(userId: string): Promise<void> {
      await db.query('DELETE FROM user_llm_settings WHERE user_id = $1', [userId]);
    },
  };
}

export type LlmSettingsRepository = ReturnType<typeof createLlmSettingsRepository>;

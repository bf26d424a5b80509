import { AppError, notFound } from '../../platform/errors.js';
import type { SecretBox } from '../../platform/secret-box.js';
import { bareHost, ForbiddenAddressError, resolveAllowed } from './address-policy.js';
import type { LlmSettingsRepository, LlmSettingsRow } from './llm-settings.repository.js';

interface LlmSettingsDeps {
  settings: LlmSettingsRepository;
  /** Absent when the server has no SECRETS_KEY: settings without a key still work. */
  box: SecretBox | undefined;
  allowPrivate: boolean;
}

export function createLlmSettingsService({ settings, box, allowPrivate }: LlmSettingsDeps) {
  async function checkAddress(baseUrl: string): Promise<void> {
    if (allowPrivate) return;
    const host = bareHost(new URL(baseUrl));
    try {
      await resolveAllowed(host);
    } catch (err) {
      throw new AppError(
        'BASE_URL_NOT_ALLOWED',
        err instanceof ForbiddenAddressError
          ? `${host} points at this machine, a private network or a metadata service; this server does not allow that.`
          : `${host} could not be resolved.`,
      );
    }
  }

  return {
    async get(userId: string): Promise<LlmSettingsRow> {
      const row = await settings.find(userId);
      if (!row) throw notFound('LLM_SETTINGS_NOT_FOUND', 'Model settings');
      return row;
    },

    /** Without a new key, the stored one is kept only for the same base URL: it never goes to another server. */
    async save(
      userId: string,
      input: { baseUrl: string; model: string; apiKey: string | undefined },
    ): Promise<LlmSettingsRow> {
      await checkAddress(input.baseUrl);
      let sealed: { apiKeyEncrypted: string | null; keyHint: string | null } = {
        apiKeyEncrypted: null,
        keyHint: null,
      };
      if (input.apiKey !== undefined) {
        if (!box) {
          throw new AppError(
            'SECRETS_KEY_MISSING',
            'This server cannot store provider keys: its administrator has not set SECRETS_KEY.',
          );
        }
        sealed = { apiKeyEncrypted: box.seal(input.apiKey), keyHint: input.apiKey.slice(-4) };
      } else {
        const current = await settings.find(userId);
        if (current && current.base_url === input.baseUrl) {
          sealed = { apiKeyEncrypted: current.api_key_encrypted, keyHint: current.key_hint };
        }
      }
      return settings.save(userId, { baseUrl: input.baseUrl, model: input.model, ...sealed });
    },

    remove: (userId: string) => settings.delete(userId),
  };
}

export type LlmSettingsService = ReturnType<typeof createLlmSettingsService>;

import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';

const baseUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.username === '' && url.password === '';
    } catch {
      return true; // not a URL at all: z.url() says so
    }
  }, 'must not carry credentials; send the key as api_key');

export const llmSettingsBody = z.object({
  base_url: baseUrl,
  api_key: z.string().trim().min(1).max(1000).optional(),
  model: z.string().trim().min(1).max(200),
});

export const llmSettingsResponse = z.object({
  base_url: z.string(),
  model: z.string(),
  key_hint: z.string().nullable().describe('The last four characters of the key, or null'),
  updated_at: timestamp,
});

export const modelTestResponse = z.object({
  ok: z.literal(true),
  generator: z.string().describe('Which model answered, as "openai-compatible:<model>@<host>"'),
  message: z.string(),
});

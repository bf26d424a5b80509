import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.js';
import { errors, iso } from '../../platform/http/schemas.js';
import type { LlmSettingsRow } from './llm-settings.repository.js';
import { llmSettingsBody, llmSettingsResponse } from './llm-settings.schemas.js';

// The key itself never leaves: only its last four characters.
const toLlmSettingsResponse = (row: LlmSettingsRow): z.infer<typeof llmSettingsResponse> => ({
  base_url: row.base_url,
  model: row.model,
  key_hint: row.key_hint,
  updated_at: iso(row.updated_at),
});

export const llmSettingsRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { llmSettings } = deps.services;
  app.addHook('onRequest', authenticate);
  const common = { tags: ['account'], security: [{ bearer: [] }] };

  app.put(
    '/users/me/llm',
    {
      schema: {
        ...common,
        summary: 'Use my own OpenAI-compatible provider for my questions',
        operationId: 'saveMyLlmSettings',
        body: llmSettingsBody,
        response: { 200: llmSettingsResponse, ...errors(401, 422, 503) },
      },
    },
    async (request) => {
      const { base_url, api_key, model } = request.body;
      const row = await llmSettings.save(request.userId, {
        baseUrl: base_url,
        model,
        apiKey: api_key,
      });
      return toLlmSettingsResponse(row);
    },
  );

  app.get(
    '/users/me/llm',
    {
      schema: {
        ...common,
        summary: 'My own provider settings (never the key)',
        operationId: 'getMyLlmSettings',
        response: { 200: llmSettingsResponse, ...errors(401, 404) },
      },
    },
    async (request) => toLlmSettingsResponse(await llmSettings.get(request.userId)),
  );

  app.delete(
    '/users/me/llm',
    {
      schema: {
        ...common,
        summary: "Go back to the server's model",
        operationId: 'deleteMyLlmSettings',
        response: { 204: z.null().describe('No content'), ...errors(401) },
      },
    },
    async (request, reply) => {
      await llmSettings.remove(request.userId);
      return reply.code(204).send(null);
    },
  );
};

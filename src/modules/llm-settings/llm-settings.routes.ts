import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import { operationDocs } from '../../platform/http/openapi.js';
import type { LlmSettingsService } from './llm-settings.service.js';
import { errors, iso } from '../../platform/http/schemas.js';
import type { LlmSettingsRow } from './llm-settings.repository.js';
import { llmSettingsBody, llmSettingsResponse, modelTestResponse } from './llm-settings.schemas.js';
import type { ModelProbe } from './model-probe.js';

// The key itself never leaves: only its last four characters.
const toLlmSettingsResponse = (row: LlmSettingsRow): z.infer<typeof llmSettingsResponse> => ({
  base_url: row.base_url,
  model: row.model,
  key_hint: row.key_hint,
  updated_at: iso(row.updated_at),
});

export const llmSettingsRoutes: FastifyPluginAsyncZod<
  RouteContext<{ llmSettings: LlmSettingsService; modelProbe: ModelProbe }>
> = async (app, { llmSettings, modelProbe, authenticate }) => {
  app.addHook('onRequest', authenticate);
  const doc = operationDocs('account');

  app.put(
    '/users/me/llm',
    {
      schema: {
        ...doc('saveMyLlmSettings', 'Use my own OpenAI-compatible provider for my questions'),
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
        ...doc('getMyLlmSettings', 'My own provider settings (never the key)'),
        response: { 200: llmSettingsResponse, ...errors(401, 404) },
      },
    },
    async (request) => toLlmSettingsResponse(await llmSettings.get(request.userId)),
  );

  app.delete(
    '/users/me/llm',
    {
      schema: {
        ...doc('deleteMyLlmSettings', "Go back to the server's model"),
        response: { 204: z.null().describe('No content'), ...errors(401) },
      },
    },
    async (request, reply) => {
      await llmSettings.remove(request.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/users/me/llm/test',
    {
      schema: {
        ...doc('testMyLlmSettings', 'Try my own provider: one small question generation'),
        response: { 200: modelTestResponse, ...errors(401, 404, 502, 503, 504) },
      },
    },
    async (request, reply) => {
      // A person who gives up on the test (closes the tab) stops the model call too.
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const { generator, question } = await modelProbe(request.userId, gone.signal);
      return {
        ok: true as const,
        generator,
        message: `Your model answered with a question: ${question}`,
      };
    },
  );
};

// The chat model both the question generator and the answer evaluator call: one provider
// setup, one reply cap, one JSON mode.

import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { wrapLanguageModel, type LanguageModel, type LanguageModelMiddleware } from 'ai';
import { createBoundedFetch } from './bounded-fetch.js';
import type { OpenAIGeneratorOptions } from './provider-host.js';

// Servers differ on json_schema support but nearly all accept JSON mode (json_object), so
// the schema is dropped from the request (which also silences the SDK's per-call warning
// about it); the prompt spells the shape out and the SDK still validates against the schema.
const jsonModeOnly: LanguageModelMiddleware = {
  specificationVersion: 'v3',
  transformParams: async ({ params }) =>
    params.responseFormat?.type === 'json'
      ? { ...params, responseFormat: { type: 'json' } }
      : params,
};

/** A JSON-mode chat model on an OpenAI-compatible server, its replies read under a byte cap. */
export function createChatModel(options: OpenAIGeneratorOptions): LanguageModel {
  const provider = createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    fetch: createBoundedFetch(undefined, options.fetch),
  });
  return wrapLanguageModel({ model: provider.chatModel(options.model), middleware: jsonModeOnly });
}

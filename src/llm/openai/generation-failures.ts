// Turning whatever went wrong into a GenerationError the worker can act on (retry or not)
// and a person can read. Messages never carry a key, a stack or a provider's raw reply.

import {
  APICallError,
  AISDKError,
  JSONParseError,
  NoObjectGeneratedError,
  RetryError,
  TypeValidationError,
} from 'ai';
import { parseRetryAfter } from '../../platform/provider-limits.js';
import { abortFailure, GenerationError } from '../generator.js';

export interface FailureContext {
  signal: AbortSignal;
  /** host[:port] of the provider, for "could not reach ..."; never a URL with credentials. */
  providerHost: string;
}

function fromStatus(status: number, cause: unknown, retryAfterMs?: number): GenerationError {
  if (status === 401 || status === 403) {
    return new GenerationError(
      'rejected_key',
      `The key was rejected by the model provider (HTTP ${status}). Check OPENAI_API_KEY; retrying will not help.`,
      { cause },
    );
  }
  if (status === 429) {
    return new GenerationError(
      'rate_limited',
      'The model provider is limiting requests right now (HTTP 429). Try again in a minute.',
      { cause, retryAfterMs },
    );
  }
  if (status >= 200 && status < 300) {
    return new GenerationError(
      'invalid_output',
      'The model provider sent a reply that is not a chat completion. Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.',
      { cause },
    );
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 409) {
    // An unknown model or an unsupported option: the same request will fail the same way.
    return new GenerationError(
      'rejected_request',
      `The model provider refused the request (HTTP ${status}). Check LLM_MODEL and OPENAI_BASE_URL; retrying will not help.`,
      { cause },
    );
  }
  // 5xx, 408 and 409 mean the provider cannot serve this request now.
  return new GenerationError(
    'unavailable',
    `The model provider could not answer (HTTP ${status}). Try again later; if it persists, check LLM_MODEL and OPENAI_BASE_URL.`,
    { cause },
  );
}

/**
 * What the provider said, for the operator's logs, without what the SDK error also holds:
 * the whole request body (the candidate's resume) and, in some 401 replies, part of the key.
 */
function providerCause(error: APICallError): Error {
  const said = (error.responseBody ?? error.message).slice(0, 300);
  const redacted = said.replace(
    /\b(?:sk|key|token|bearer)[-_ ]?[A-Za-z0-9*_-]{6,}/gi,
    '[redacted]',
  );
  return new Error(`provider answered ${error.statusCode ?? 'nothing'}: ${redacted}`);
}

/** Classify an error thrown by an AI SDK call. Errors that are not the SDK's are bugs: rethrown. */
export function classifyFailure(error: unknown, context: FailureContext): GenerationError {
  if (error instanceof GenerationError) return error;
  if (context.signal.aborted) return abortFailure(context.signal);
  if (RetryError.isInstance(error)) return classifyFailure(error.lastError, context);
  if (APICallError.isInstance(error)) {
    const cause = providerCause(error);
    if (error.statusCode !== undefined) {
      const retryAfter = parseRetryAfter(error.responseHeaders?.['retry-after']);
      return fromStatus(error.statusCode, cause, retryAfter);
    }
    return new GenerationError(
      'unavailable',
      `Could not reach the model provider at ${context.providerHost}. Check that it is running and that OPENAI_BASE_URL is right.`,
      { cause },
    );
  }
  if (
    NoObjectGeneratedError.isInstance(error) ||
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error)
  ) {
    return new GenerationError(
      'invalid_output',
      'The model did not return a question in the expected format.',
      { cause: error },
    );
  }
  if (AISDKError.isInstance(error)) {
    return new GenerationError(
      'unavailable',
      'The call to the model provider failed. Try again later.',
      { cause: error },
    );
  }
  throw error;
}

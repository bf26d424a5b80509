// The fetch the AI SDK uses for the model provider. It reads the whole reply itself,
// so a provider that misbehaves half-way ends as a classified GenerationError with
// bounded memory: a reply over the cap is cut off, a connection dropped mid-body is
// "unavailable" (retried within the budget), and the call's own signal (the budget or
// shutdown) stops a reply that trickles in byte by byte.

import { GenerationError } from '../generator.js';

/** A question is a few hundred tokens; no chat completion for one comes near this. */
export const MAX_PROVIDER_RESPONSE_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number) =>
  new GenerationError(
    'invalid_output',
    `The model provider sent a reply larger than any question could be (over ${Math.round(maxBytes / 1024)} KB), so it was cut off. Check OPENAI_BASE_URL and LLM_MODEL.`,
  );

async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, total);
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (err) {
    reader.cancel().catch(() => undefined); // drops the connection: nothing more is read
    if (err instanceof GenerationError) throw err;
    // The SDK passes aborts through untouched; the generator names them (timeout or shutdown).
    if (signal?.aborted) throw signal.reason;
    // No driver error as the cause: the SDK would rewrap one with a network code as
    // "cannot connect", and this is a provider that stopped half-way.
    throw new GenerationError(
      'unavailable',
      'The model provider dropped the connection before its answer was complete. Try again in a moment.',
      { cause: new Error(`reply cut off after ${total} bytes: ${(err as Error)?.message}`) },
    );
  }
}

export function createBoundedFetch(
  maxBytes = MAX_PROVIDER_RESPONSE_BYTES,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (!response.body) return response;
    if (Number(response.headers.get('content-length')) > maxBytes) {
      response.body.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    const body = await readAtMost(response.body, maxBytes, init?.signal ?? undefined);
    const headers = new Headers(response.headers);
    headers.delete('content-encoding'); // fetch has already decoded it
    headers.set('content-length', String(body.byteLength));
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

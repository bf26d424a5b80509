// What the service may say about the configured model server: never the key, never
// credentials a base URL may carry. Kept apart from the generator so naming it does
// not load the AI SDK.

export interface OpenAIGeneratorOptions {
  /** Includes the version path, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  fetch?: typeof fetch;
}

/** host[:port] only: a base URL may carry credentials in its user-info part. */
export function providerHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the configured address';
  }
}

/** The name start-up logs: "openai-compatible:<model>@<host>". */
export const openAIGeneratorName = (
  options: Pick<OpenAIGeneratorOptions, 'baseUrl' | 'model'>,
): string => `openai-compatible:${options.model}@${providerHost(options.baseUrl)}`;

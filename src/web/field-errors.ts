import { ApiError } from './api.js';

/** The API's validation errors by field name (`email`, `title`, ...). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fieldErrors.map((f) => [f.field, `This ${f.message}.`]));
}

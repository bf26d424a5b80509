import { z } from 'zod';

// Wire-format building blocks shared by every module's schemas.
export const idParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
export const timestamp = z.string().describe('ISO-8601 UTC timestamp');

export const errorBody = z
  .object({
    detail: z.object({
      code: z.string(),
      message: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('Error');

/** The error responses a route documents, all in the one error shape. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorBody])) as Record<number, typeof errorBody>;

export const iso = (d: Date): string => d.toISOString();

/** Trims, and turns an empty optional text into null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

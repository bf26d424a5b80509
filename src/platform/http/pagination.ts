import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Keyset pagination for every list endpoint (the contract's "Lists"), in four pieces:
 *
 *   querystring: listQuery(100),                                // ?limit=1..500&cursor=
 *   const { limit, cursor } = request.query;
 *   const after = readCursor(cursor, 'postings', cursorKeys.timeAndId);
 *   const rows = await service.listPage(userId, limit + 1, after); // one row more than asked
 *   return sendPage(request, reply, 'postings', rows, limit, (r) => [r.sortAt, r.id]).map(present);
 *
 * The repository orders by a unique key (e.g. `(created_at DESC, id DESC)` or `seq`) and
 * returns rows strictly after `after`, so pages never overlap or skip. The cursor is that
 * key of the page's last row, opaque to clients (base64url JSON) and tagged with its list.
 */
export const MAX_PAGE_SIZE = 500;

/** The 200 of a list, as documented (the `Link` header is how a client pages on). */
export const PAGE_DESCRIPTION =
  'One page, in the list\'s order; `Link: <...>; rel="next"` gives the next page when there is one.';

export const listQuery = (defaultLimit: number) =>
  z.object({
    limit: z.coerce
      .number()
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .default(defaultLimit)
      .describe(`Items per page, 1..${MAX_PAGE_SIZE}.`),
    cursor: z
      .string()
      .max(300, 'is not a cursor of this list')
      .optional()
      .describe('Where the page starts: take it from the `Link: <...>; rel="next"` header.'),
  });

/** Key shapes (validated on the way back in). Timestamps keep their microseconds. */
export const cursorKeys = {
  timeAndId: z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), z.uuid()]),
  seq: z.tuple([z.string().regex(/^\d{1,19}$/)]),
};

/** A timestamptz column as the `timeAndId` key wants it: UTC, to the microsecond. */
export const exactTime = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const badCursor = () =>
  new AppError('VALIDATION_ERROR', 'The request is not valid.', {
    errors: [{ field: 'cursor', message: 'is not a cursor of this list' }],
  });

export function readCursor<T extends z.ZodType>(
  cursor: string | undefined,
  list: string,
  key: T,
): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(decoded) || decoded[0] !== list) throw badCursor();
  const parsed = key.safeParse(decoded.slice(1));
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

const writeCursor = (list: string, key: readonly unknown[]): string =>
  Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');

/**
 * Given up to `limit + 1` rows, keeps `limit` and, when there was one more, sets the
 * `Link` header to the next page (a path from the root, same limit, the cursor added).
 */
export function sendPage<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  list: string,
  rows: T[],
  limit: number,
  keyOf: (row: T) => readonly unknown[],
): T[] {
  if (rows.length <= limit) return rows;
  const page = rows.slice(0, limit);
  const cursor = writeCursor(list, keyOf(page[page.length - 1]!));
  const path = request.url.split('?')[0];
  reply.header('Link', `<${path}?limit=${limit}&cursor=${cursor}>; rel="next"`);
  return page;
}

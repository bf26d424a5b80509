// PostgreSQL's SQLSTATE codes the service acts on. Drivers differ in where they put
// the code: pg on the error itself, Drizzle on its `cause`; read both.

export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  /** NUL in text. */
  characterNotInRepertoire: '22021',
  /** NUL in jsonb. */
  untranslatableCharacter: '22P05',
} as const;

/** The SQLSTATE of a database error, or undefined for anything else. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const isUniqueViolation = (err: unknown): boolean =>
  pgErrorCode(err) === PG_ERROR.uniqueViolation;

export const isForeignKeyViolation = (err: unknown): boolean =>
  pgErrorCode(err) === PG_ERROR.foreignKeyViolation;

/** Text PostgreSQL cannot store (a NUL byte): the client's input, not a fault. */
export const isUnstorableText = (err: unknown): boolean => {
  const code = pgErrorCode(err);
  return code === PG_ERROR.characterNotInRepertoire || code === PG_ERROR.untranslatableCharacter;
};

import type { Queryable } from './client.js';

// Other modules add tables that name a user or a session (feedback, reports, counters);
// erasing and exporting find them by their column, so a new table is covered without
// this code changing. Only ordinary tables of the current schema count.
const TABLES_WITH_COLUMN_SQL = `
SELECT c.relname AS name
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE a.attname = $1 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
   AND c.relnamespace = current_schema()::regnamespace
 ORDER BY c.relname`;

/** Tables of the current schema that have a column of this name. */
export async function tablesWithColumn(tx: Queryable, column: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(TABLES_WITH_COLUMN_SQL, [column]);
  return rows.map((r) => r.name);
}

/** A table name as an SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

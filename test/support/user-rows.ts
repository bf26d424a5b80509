import type { Queryable } from '../../src/platform/db/client.js';
import { ident, tablesWithColumn } from '../../src/platform/db/owned-tables.js';

/**
 * Rows left anywhere of a user: in every table with a user_id column, every table with a
 * session_id column (for the sessions the user had), the account itself, and any row of
 * any table whose text contains one of `markers` (the email, a resume phrase).
 */
export async function countUserRows(
  db: Queryable,
  userId: string,
  sessionIds: string[],
  markers: string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (key: string, n: number) => {
    if (n > 0) counts[key] = (counts[key] ?? 0) + n;
  };
  const count = async (sql: string, params: unknown[]) =>
    (await db.query<{ n: number }>(sql, params))[0]!.n;

  add('users', await count('SELECT count(*)::int AS n FROM users WHERE id = $1', [userId]));
  for (const t of await tablesWithColumn(db, 'user_id')) {
    add(t, await count(`SELECT count(*)::int AS n FROM ${ident(t)} WHERE user_id = $1`, [userId]));
  }
  for (const t of await tablesWithColumn(db, 'session_id')) {
    add(
      t,
      await count(`SELECT count(*)::int AS n FROM ${ident(t)} WHERE session_id = ANY($1::uuid[])`, [
        sessionIds,
      ]),
    );
  }
  const tables = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace`,
  );
  for (const { name } of tables) {
    for (const marker of markers) {
      add(
        `${name} (text)`,
        await count(
          `SELECT count(*)::int AS n FROM ${ident(name)} t WHERE strpos(t::text, $1) > 0`,
          [marker],
        ),
      );
    }
  }
  return counts;
}

import type { Queryable } from '../../platform/db/client.js';
import { ident, tablesWithColumn } from '../../platform/db/owned-tables.js';

export type SessionScope = 'id' | 'job_posting_id' | 'user_id';

// Deleted in this order inside the caller's transaction. Operations go first: their
// rows are then locked by this transaction, so a worker finishing one waits, and
// after the commit its guarded UPDATE finds no row and writes nothing (no message, no
// count). Tables other modules hang off a session go next, then the transcript.
const OWN_TABLES = new Set(['operations', 'messages', 'interview_sessions']);

/**
 * Deletes the caller's sessions matching the scope (one session, a posting's, or all of
 * a user's) with everything stored about them. Returns how many sessions went.
 */
export async function eraseSessions(
  tx: Queryable,
  scope: SessionScope,
  value: string,
  userId: string,
): Promise<number> {
  // The row locks order this with concurrent answers and status changes.
  const sessions = await tx.query<{ id: string }>(
    `SELECT id FROM interview_sessions WHERE ${ident(scope)} = $1 AND user_id = $2 FOR UPDATE`,
    [value, userId],
  );
  if (sessions.length === 0) return 0;
  const ids = sessions.map((s) => s.id);
  await tx.query('DELETE FROM operations WHERE session_id = ANY($1::uuid[])', [ids]);
  for (const table of await tablesWithColumn(tx, 'session_id')) {
    if (OWN_TABLES.has(table)) continue;
    await tx.query(`DELETE FROM ${ident(table)} WHERE session_id = ANY($1::uuid[])`, [ids]);
  }
  await tx.query('DELETE FROM messages WHERE session_id = ANY($1::uuid[])', [ids]);
  await tx.query('DELETE FROM interview_sessions WHERE id = ANY($1::uuid[])', [ids]);
  return ids.length;
}

export type EraseSessions = typeof eraseSessions;

import type { Database } from '../../platform/db/client.js';
import { ident, tablesWithColumn } from '../../platform/db/owned-tables.js';
import { eraseSessions } from '../sessions/session-erasure.js';

// After the sessions (and what hangs off them), every table with a user_id column
// goes, whichever module added it; job postings last of those, since other tables
// may point at them; the account row at the very end.
const LAST = ['job_postings', 'users'];

/** Deletes the user and every row naming them, in one transaction. False when already gone. */
export function eraseAccount(db: Database, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
    if (!user) return false;
    await eraseSessions(tx, 'user_id', userId, userId);
    const tables = (await tablesWithColumn(tx, 'user_id')).filter((t) => !LAST.includes(t));
    for (const table of [...tables, 'job_postings']) {
      await tx.query(`DELETE FROM ${ident(table)} WHERE user_id = $1`, [userId]);
    }
    await tx.query('DELETE FROM users WHERE id = $1', [userId]);
    return true;
  });
}

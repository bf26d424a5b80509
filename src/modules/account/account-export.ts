import type { Database } from '../../platform/db/client.js';
import { ident } from '../../platform/db/owned-tables.js';

/**
 * One section of the export: the rows of one table that belong to the caller ($1 is
 * the user id), paged by `key` (a uuid column, unique in the section). Adding a table
 * to the export is one line here; `optional` sections are skipped where the table
 * does not exist (yet).
 */
interface Section {
  name: string;
  table: string;
  select: string;
  key: string;
  optional?: boolean;
}

const inSessions = 'session_id IN (SELECT id FROM interview_sessions WHERE user_id = $1)';

// Never the password hash, the token version or the provider key's ciphertext.
export const EXPORT_SECTIONS: readonly Section[] = [
  {
    name: 'resume',
    table: 'resumes',
    select: 'SELECT * FROM resumes WHERE user_id = $1',
    key: 'id',
  },
  {
    name: 'job_postings',
    table: 'job_postings',
    select: 'SELECT * FROM job_postings WHERE user_id = $1',
    key: 'id',
  },
  {
    name: 'interview_sessions',
    table: 'interview_sessions',
    select: 'SELECT * FROM interview_sessions WHERE user_id = $1',
    key: 'id',
  },
  {
    name: 'messages',
    table: 'messages',
    select: `SELECT * FROM messages WHERE ${inSessions}`,
    key: 'id',
  },
  {
    name: 'operations',
    table: 'operations',
    select: 'SELECT * FROM operations WHERE user_id = $1',
    key: 'id',
  },
  {
    name: 'generation_quota',
    table: 'generation_quota',
    select: 'SELECT * FROM generation_quota WHERE user_id = $1',
    key: 'user_id',
  },
  {
    name: 'logged_out_tokens',
    table: 'revoked_tokens',
    select: 'SELECT * FROM revoked_tokens WHERE user_id = $1',
    key: 'jti',
  },
  {
    name: 'llm_settings',
    table: 'user_llm_settings',
    select: `SELECT user_id, base_url, model, key_hint, version, created_at, updated_at
               FROM user_llm_settings WHERE user_id = $1`,
    key: 'user_id',
  },
  {
    name: 'answer_feedback',
    table: 'answer_feedback',
    select: `SELECT * FROM answer_feedback WHERE ${inSessions}`,
    key: 'id',
    optional: true,
  },
  {
    name: 'session_reports',
    table: 'session_reports',
    select: `SELECT * FROM session_reports WHERE ${inSessions}`,
    key: 'id',
    optional: true,
  },
];

/** Tables that name a user or a session but are not exported, with the reason. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  users: 'the account is exported on its own, without the password hash',
};

const PAGE = 500;

/**
 * The caller's data as one JSON document, in pieces: a page of rows at a time, so a
 * long history is never one giant string, and no transaction is held while the
 * client reads (the embedded database has a single connection).
 */
export async function* exportUserData(db: Database, userId: string): AsyncGenerator<string> {
  const [account] = await db.query(
    'SELECT id, email, full_name, created_at, updated_at FROM users WHERE id = $1',
    [userId],
  );
  yield `{"format":"interview-practice-export","version":1,"exported_at":${JSON.stringify(new Date())}`;
  yield `,"account":${JSON.stringify(account ?? null)}`;
  for (const section of EXPORT_SECTIONS) {
    if (section.optional && !(await tableExists(db, section.table))) continue;
    yield `,${JSON.stringify(section.name)}:[`;
    let after: string | null = null;
    let first = true;
    for (;;) {
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT * FROM (${section.select}) AS r
          WHERE $2::uuid IS NULL OR r.${ident(section.key)} > $2::uuid
          ORDER BY r.${ident(section.key)} LIMIT ${PAGE}`,
        [userId, after],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        yield (first ? '' : ',') + JSON.stringify(row);
        first = false;
      }
      if (rows.length < PAGE) break;
      after = String(rows[rows.length - 1]![section.key]);
    }
    yield ']';
  }
  yield '}\n';
}

async function tableExists(db: Database, table: string): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
    table,
  ]);
  return row?.found === true;
}

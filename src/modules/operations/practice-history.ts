// What earlier sessions of the same posting showed, for a session practising its weak
// areas: one statement, bounded by the number of earlier sessions and questions it reads.

import type { Queryable } from '../../platform/db/client.js';
import type { PracticeHistory } from '../../llm/generator.js';
import { RUBRIC_VERSION } from '../../llm/feedback/index.js';

/** Earlier sessions read, newest first, and questions answered well kept. */
export const HISTORY_SESSIONS = 20;
export const HISTORY_QUESTIONS = 50;
/** A score from which an answer counts as answered well. */
export const ANSWERED_WELL = 70;

const HISTORY_SQL = `
WITH cur AS (SELECT id, user_id, job_posting_id, created_at FROM interview_sessions WHERE id = $1),
earlier AS (
  SELECT s.id FROM interview_sessions s, cur
   WHERE s.job_posting_id = cur.job_posting_id AND s.user_id = cur.user_id AND s.id <> cur.id
     AND s.created_at <= cur.created_at
   ORDER BY s.created_at DESC LIMIT $2)
SELECT
  (SELECT coalesce(json_agg(json_build_object('requirements', r.requirements,
                                              'criteria', r.criteria)), '[]'::json)
     FROM earlier e CROSS JOIN LATERAL (
       SELECT requirements, criteria FROM session_reports
        WHERE session_id = e.id AND rubric_version = $3 ORDER BY seq DESC LIMIT 1) r) AS reports,
  (SELECT coalesce(json_agg(t.content), '[]'::json) FROM (
     SELECT q.content FROM earlier e JOIN messages q ON q.session_id = e.id AND q.role = 'interviewer'
      WHERE EXISTS (SELECT 1 FROM messages a JOIN answer_feedback f ON f.answer_message_id = a.id
                     WHERE a.reply_to = q.id AND f.score >= $4)
      ORDER BY q.seq DESC LIMIT $5) t) AS answered_well`;

interface HistoryRow {
  reports: {
    requirements: { text: string; status: string }[];
    criteria: { key: string; mean_level: number | null }[];
  }[];
  answered_well: string[];
}

export async function loadPracticeHistory(
  db: Queryable,
  sessionId: string,
): Promise<PracticeHistory> {
  const [row] = await db.query<HistoryRow>(
    HISTORY_SQL,
    [sessionId, HISTORY_SESSIONS, RUBRIC_VERSION, ANSWERED_WELL, HISTORY_QUESTIONS],
    'practice_history',
  );
  const reports = row?.reports ?? [];
  const demonstrated = new Set(
    reports.flatMap((r) =>
      r.requirements.filter((q) => q.status === 'demonstrated').map((q) => q.text),
    ),
  );
  const levels = new Map<string, number[]>();
  for (const c of reports.flatMap((r) => r.criteria)) {
    if (c.mean_level !== null) levels.set(c.key, [...(levels.get(c.key) ?? []), c.mean_level]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const weakestCriteria = [...levels]
    .toSorted((a, b) => mean(a[1]) - mean(b[1]))
    .map(([key]) => key);
  return {
    demonstrated: [...demonstrated],
    weakestCriteria,
    answeredWell: row?.answered_well ?? [],
  };
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm, Queryable } from '../../platform/db/client.js';
import { interviewSessions, type SessionStatus } from '../../platform/db/schema.js';

export type SessionRow = typeof interviewSessions.$inferSelect;

const owned = (id: string, userId: string) =>
  and(eq(interviewSessions.id, id), eq(interviewSessions.userId, userId));

export function createSessionsRepository(orm: Orm) {
  return {
    async insert(userId: string, jobPostingId: string): Promise<SessionRow> {
      const rows = await orm.insert(interviewSessions).values({ userId, jobPostingId }).returning();
      return rows[0]!;
    },
    listByUser: (userId: string): Promise<SessionRow[]> =>
      orm
        .select()
        .from(interviewSessions)
        .where(eq(interviewSessions.userId, userId))
        .orderBy(desc(interviewSessions.createdAt), desc(interviewSessions.id)),
    async findById(id: string, userId: string): Promise<SessionRow | null> {
      const rows = await orm.select().from(interviewSessions).where(owned(id, userId)).limit(1);
      return rows[0] ?? null;
    },
    /** Moves status only from one of `from`; null when the row is missing or in another state. */
    async transition(
      id: string,
      userId: string,
      from: readonly SessionStatus[],
      to: SessionStatus,
    ): Promise<SessionRow | null> {
      const rows = await orm
        .update(interviewSessions)
        .set({ status: to, updatedAt: sql`now()` })
        .where(and(owned(id, userId), inArray(interviewSessions.status, [...from])))
        .returning();
      return rows[0] ?? null;
    },
    /** The same guarded move, inside the caller's transaction (raw SQL: the handle is not Drizzle's). */
    async transitionWithin(
      tx: Queryable,
      id: string,
      userId: string,
      from: readonly SessionStatus[],
      to: SessionStatus,
    ): Promise<SessionRow | null> {
      const rows = await tx.query<SessionRow>(
        `UPDATE interview_sessions SET status = $4, updated_at = now()
          WHERE id = $1 AND user_id = $2 AND status = ANY($3::text[])
        RETURNING id, user_id AS "userId", job_posting_id AS "jobPostingId", status,
                  question_count AS "questionCount", created_at AS "createdAt", updated_at AS "updatedAt"`,
        [id, userId, [...from], to],
      );
      return rows[0] ?? null;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

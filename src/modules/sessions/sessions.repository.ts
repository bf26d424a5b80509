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
    /**
     * Inside a transaction: locks the session row (ordering concurrent answers and status
     * changes for it) and returns its status; null when the row is missing or not the user's.
     */
    async lockStatus(tx: Queryable, id: string, userId: string): Promise<SessionStatus | null> {
      const rows = await tx.query<{ status: SessionStatus }>(
        'SELECT status FROM interview_sessions WHERE id = $1 AND user_id = $2 FOR UPDATE',
        [id, userId],
      );
      return rows[0]?.status ?? null;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

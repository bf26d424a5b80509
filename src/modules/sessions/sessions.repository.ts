import { and, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { exactTime } from '../../platform/http/pagination.js';
import type { Orm, Queryable } from '../../platform/db/client.js';
import {
  interviewSessions,
  type SessionFocus,
  type SessionStatus,
} from '../../platform/db/schema.js';

export type SessionRow = typeof interviewSessions.$inferSelect;

const owned = (id: string, userId: string) =>
  and(eq(interviewSessions.id, id), eq(interviewSessions.userId, userId));

export function createSessionsRepository(orm: Orm) {
  return {
    /** Inserts unless the user already has `cap` sessions (0: no cap); null when at the cap. */
    insertCapped: (userId: string, jobPostingId: string, cap: number, focus: SessionFocus) =>
      orm.transaction(async (tx): Promise<SessionRow | null> => {
        if (cap > 0) {
          // Serialises one user's creations so that concurrent ones cannot pass the cap together.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sessions:${userId}`}))`);
          const [row] = await tx
            .select({ n: count() })
            .from(interviewSessions)
            .where(eq(interviewSessions.userId, userId));
          if ((row?.n ?? 0) >= cap) return null;
        }
        const rows = await tx
          .insert(interviewSessions)
          .values({ userId, jobPostingId, focus })
          .returning();
        return rows[0]!;
      }),
    /** Newest first, strictly after the key `after` ([created_at to the microsecond, id]). */
    listPage: (
      userId: string,
      take: number,
      after?: readonly [string, string],
    ): Promise<(SessionRow & { sortAt: string })[]> =>
      orm
        .select({
          ...getTableColumns(interviewSessions),
          sortAt: exactTime(interviewSessions.createdAt),
        })
        .from(interviewSessions)
        .where(
          and(
            eq(interviewSessions.userId, userId),
            after
              ? sql`(${interviewSessions.createdAt}, ${interviewSessions.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(interviewSessions.createdAt), desc(interviewSessions.id))
        .limit(take),
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
                  question_count AS "questionCount", focus, created_at AS "createdAt", updated_at AS "updatedAt"`,
        [id, userId, [...from], to],
      );
      return rows[0] ?? null;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

import { and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { exactTime } from '../../platform/http/pagination.js';
import { jobPostings } from '../../platform/db/schema.js';
import type { EraseSessions } from '../sessions/session-erasure.js';

export type JobPostingRow = typeof jobPostings.$inferSelect;
export type JobPostingFields = Pick<
  JobPostingRow,
  'title' | 'company' | 'description' | 'techStack' | 'experienceLevel'
>;

const owned = (id: string, userId: string) =>
  and(eq(jobPostings.id, id), eq(jobPostings.userId, userId));

export function createJobPostingsRepository(db: Database) {
  const { orm } = db;
  return {
    /** Newest first, strictly after the key `after` ([created_at to the microsecond, id]). */
    listPage: (
      userId: string,
      take: number,
      after?: readonly [string, string],
    ): Promise<(JobPostingRow & { sortAt: string })[]> =>
      orm
        .select({ ...getTableColumns(jobPostings), sortAt: exactTime(jobPostings.createdAt) })
        .from(jobPostings)
        .where(
          and(
            eq(jobPostings.userId, userId),
            after
              ? sql`(${jobPostings.createdAt}, ${jobPostings.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(jobPostings.createdAt), desc(jobPostings.id))
        .limit(take),
    /** Inserts unless the user already has `cap` postings (0: no cap); null when at the cap. */
    insertCapped: (userId: string, fields: JobPostingFields, cap: number) =>
      orm.transaction(async (tx): Promise<JobPostingRow | null> => {
        if (cap > 0) {
          // Serialises one user's creations so that concurrent ones cannot pass the cap together.
          await tx.execute(
            sql`SELECT pg_advisory_xact_lock(hashtext(${`job_postings:${userId}`}))`,
          );
          const [row] = await tx
            .select({ n: count() })
            .from(jobPostings)
            .where(eq(jobPostings.userId, userId));
          if ((row?.n ?? 0) >= cap) return null;
        }
        const rows = await tx
          .insert(jobPostings)
          .values({ userId, ...fields })
          .returning();
        return rows[0]!;
      }),
    async findById(id: string, userId: string): Promise<JobPostingRow | null> {
      const rows = await orm.select().from(jobPostings).where(owned(id, userId)).limit(1);
      return rows[0] ?? null;
    },
    async update(
      id: string,
      userId: string,
      fields: Partial<JobPostingFields>,
    ): Promise<JobPostingRow | null> {
      const rows = await orm
        .update(jobPostings)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(owned(id, userId))
        .returning();
      return rows[0] ?? null;
    },
    /** Deletes the posting with its interviews, in one transaction; false when it is missing. */
    delete: (id: string, userId: string, eraseSessions: EraseSessions): Promise<boolean> =>
      db.transaction(async (tx) => {
        // Locked first: a session being created for it waits, then finds it gone.
        const found = await tx.query(
          'SELECT id FROM job_postings WHERE id = $1 AND user_id = $2 FOR UPDATE',
          [id, userId],
        );
        if (found.length === 0) return false;
        await eraseSessions(tx, 'job_posting_id', id, userId);
        await tx.query('DELETE FROM job_postings WHERE id = $1', [id]);
        return true;
      }),
  };
}

export type JobPostingsRepository = ReturnType<typeof createJobPostingsRepository>;

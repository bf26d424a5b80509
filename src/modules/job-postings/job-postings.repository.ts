import { and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { exactTime } from '../../platform/http/pagination.js';
import type { Orm } from '../../platform/db/client.js';
import { interviewSessions, jobPostings } from '../../platform/db/schema.js';

export type JobPostingRow = typeof jobPostings.$inferSelect;
export type JobPostingFields = Pick<
  JobPostingRow,
  'title' | 'company' | 'description' | 'techStack' | 'experienceLevel'
>;

const owned = (id: string, userId: string) =>
  and(eq(jobPostings.id, id), eq(jobPostings.userId, userId));

export function createJobPostingsRepository(orm: Orm) {
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
    /** Deletes unless interviews use it: 'deleted', 'in_use' or 'missing'. */
    async delete(id: string, userId: string): Promise<'deleted' | 'in_use' | 'missing'> {
      const inUse = await orm
        .select({ id: interviewSessions.id })
        .from(interviewSessions)
        .where(and(eq(interviewSessions.jobPostingId, id), eq(interviewSessions.userId, userId)))
        .limit(1);
      if (inUse.length > 0) return 'in_use';
      try {
        const rows = await orm
          .delete(jobPostings)
          .where(owned(id, userId))
          .returning({ id: jobPostings.id });
        return rows.length > 0 ? 'deleted' : 'missing';
      } catch (err) {
        // A session created between the check and the delete: the foreign key refuses.
        if (
          (err as { code?: string }).code === '23503' ||
          (err as { cause?: { code?: string } }).cause?.code === '23503'
        ) {
          return 'in_use';
        }
        throw err;
      }
    },
  };
}

export type JobPostingsRepository = ReturnType<typeof createJobPostingsRepository>;

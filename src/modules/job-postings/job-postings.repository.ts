import { and, desc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { isForeignKeyViolation } from '../../platform/db/errors.js';
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
    async insert(userId: string, fields: JobPostingFields): Promise<JobPostingRow> {
      const rows = await orm
        .insert(jobPostings)
        .values({ userId, ...fields })
        .returning();
      return rows[0]!;
    },
    listByUser: (userId: string): Promise<JobPostingRow[]> =>
      orm
        .select()
        .from(jobPostings)
        .where(eq(jobPostings.userId, userId))
        .orderBy(desc(jobPostings.createdAt), desc(jobPostings.id)),
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
        if (isForeignKeyViolation(err)) return 'in_use';
        throw err;
      }
    },
  };
}

export type JobPostingsRepository = ReturnType<typeof createJobPostingsRepository>;

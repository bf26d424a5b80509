import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
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

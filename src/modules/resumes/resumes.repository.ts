import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { resumes } from '../../platform/db/schema.js';

export type ResumeRow = typeof resumes.$inferSelect;

export function createResumesRepository(orm: Orm) {
  return {
    /** One resume a user: the first save creates it, later saves replace its text. */
    async upsert(
      userId: string,
      content: string,
      sourceFilename: string | null,
    ): Promise<ResumeRow> {
      const rows = await orm
        .insert(resumes)
        .values({ userId, content, sourceFilename })
        .onConflictDoUpdate({
          target: resumes.userId,
          set: { content, sourceFilename, updatedAt: sql`now()` },
        })
        .returning();
      return rows[0]!;
    },
    async findByUser(userId: string): Promise<ResumeRow | null> {
      const rows = await orm.select().from(resumes).where(eq(resumes.userId, userId)).limit(1);
      return rows[0] ?? null;
    },
  };
}

export type ResumesRepository = ReturnType<typeof createResumesRepository>;

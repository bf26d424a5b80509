import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { users } from '../../platform/db/schema.js';

export type UserRow = typeof users.$inferSelect;

export function createUsersRepository(orm: Orm) {
  return {
    /** Inserts unless the email is taken (case-insensitively); null when taken. */
    async insert(values: {
      email: string;
      passwordHash: string;
      fullName: string;
    }): Promise<UserRow | null> {
      const rows = await orm
        .insert(users)
        .values(values)
        .onConflictDoNothing() // the only unique key a new row can hit is lower(email)
        .returning();
      return rows[0] ?? null;
    },
    async findByEmail(email: string): Promise<UserRow | null> {
      const rows = await orm
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`)
        .limit(1);
      return rows[0] ?? null;
    },
    /** New hash and a new token version, so every token issued before stops working. */
    async changePassword(id: string, passwordHash: string): Promise<boolean> {
      const rows = await orm
        .update(users)
        .set({
          passwordHash,
          tokenVersion: sql`${users.tokenVersion} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      return rows.length > 0;
    },
    /** A new token version alone: every token issued before stops working, the password stays. */
    async raiseTokenVersion(id: string): Promise<boolean> {
      const rows = await orm
        .update(users)
        .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      return rows.length > 0;
    },
    async findById(id: string): Promise<UserRow | null> {
      const rows = await orm.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0] ?? null;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

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
    async findById(id: string): Promise<UserRow | null> {
      const rows = await orm.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0] ?? null;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

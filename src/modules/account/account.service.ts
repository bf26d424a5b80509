import type { Database } from '../../platform/db/client.js';
import type { AuthService } from '../auth/auth.service.js';
import { eraseAccount } from './account-erasure.js';
import { exportUserData } from './account-export.js';

export function createAccountService({ db, auth }: { db: Database; auth: AuthService }) {
  return {
    /** Everything stored about the user, as JSON text in pieces. */
    export: (userId: string): AsyncGenerator<string> => exportUserData(db, userId),

    /** The password confirmed, then the account and all its data go in one transaction. */
    async deleteAccount(userId: string, password: string): Promise<void> {
      await auth.confirmPassword(userId, password);
      await eraseAccount(db, userId);
      auth.forgetTokens(userId);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

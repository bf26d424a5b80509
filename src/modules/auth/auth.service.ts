import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import type { AccessToken, TokenService } from './tokens.js';
import type { UserRow, UsersRepository } from './users.repository.js';

export function createAuthService({
  users,
  tokens,
}: {
  users: UsersRepository;
  tokens: TokenService;
}) {
  return {
    async register(input: { email: string; password: string; fullName: string }): Promise<UserRow> {
      const passwordHash = await hashPassword(input.password);
      const user = await users.insert({
        email: input.email,
        passwordHash,
        fullName: input.fullName,
      });
      if (!user) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.');
      return user;
    },

    async login(email: string, password: string): Promise<AccessToken> {
      const user = await users.findByEmail(email);
      // Unknown email and wrong password take the same path and the same time.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok)
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
      return tokens.issue(user.id);
    },

    async getUser(userId: string): Promise<UserRow> {
      const user = await users.findById(userId);
      // A valid token for an account that no longer exists is no longer a login.
      if (!user) throw new AppError('UNAUTHORIZED', 'This account no longer exists. Log in again.');
      return user;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

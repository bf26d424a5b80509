import { AppError } from '../../platform/errors.js';
import type { WakeChannel } from '../../platform/wake-channel.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import type { TokenRevocationsRepository } from './token-revocations.repository.js';
import type { AccessToken, TokenClaims, TokenService } from './tokens.js';
import type { UserRow, UsersRepository } from './users.repository.js';

export const wrongPassword = (): AppError =>
  new AppError('WRONG_PASSWORD', 'The password is incorrect.');

interface AuthDeps {
  users: UsersRepository;
  tokens: TokenService;
  revocations: TokenRevocationsRepository;
  /** Told the user id whose tokens changed, after the change committed: every process forgets them. */
  revoked: WakeChannel;
}

export function createAuthService({ users, tokens, revocations, revoked }: AuthDeps) {
  async function getUser(userId: string): Promise<UserRow> {
    const user = await users.findById(userId);
    // A valid token for an account that no longer exists is no longer a login.
    if (!user) throw new AppError('UNAUTHORIZED', 'This account no longer exists. Log in again.');
    return user;
  }

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
      return tokens.issue(user.id, user.tokenVersion);
    },

    getUser,

    /** The caller's password checked, or WRONG_PASSWORD. */
    async confirmPassword(userId: string, password: string): Promise<void> {
      const user = await getUser(userId);
      if (!(await verifyPassword(user.passwordHash, password))) throw wrongPassword();
    },

    async logout(token: TokenClaims): Promise<void> {
      await revocations.revoke(token);
      revoked.publish(token.userId);
    },

    /** Every token of the user stops working, this one included: "log out everywhere". */
    async logoutEverywhere(userId: string): Promise<void> {
      await users.raiseTokenVersion(userId);
      revoked.publish(userId);
    },

    async changePassword(userId: string, current: string, next: string): Promise<void> {
      const user = await getUser(userId);
      if (!(await verifyPassword(user.passwordHash, current))) throw wrongPassword();
      await users.changePassword(userId, await hashPassword(next));
      revoked.publish(userId);
    },

    /** After an account was deleted: its tokens are forgotten everywhere. */
    forgetTokens: (userId: string) => revoked.publish(userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

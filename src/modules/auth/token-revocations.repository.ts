import type { Database } from '../../platform/db/client.js';
import type { TokenClaims } from './tokens.js';

// Two ways a token dies before it expires: its own jti is logged out, or the user's
// token_version moved past the version it carries (password change). A deleted
// user has no row, so every token of theirs is dead too.
const LIVE_SQL = `
SELECT u.token_version = $2 AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $3) AS live
  FROM users u WHERE u.id = $1`;

export function createTokenRevocationsRepository(db: Database) {
  return {
    async isLive(claims: TokenClaims, version: number): Promise<boolean> {
      const [row] = await db.query<{ live: boolean }>(
        LIVE_SQL,
        [claims.userId, version, claims.tokenId],
        'token_live',
      );
      return row?.live === true;
    },
    /** Logs one token out; rows of tokens that expired anyway are pruned on the way. */
    async revoke(claims: TokenClaims): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
        await tx.query(
          `INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (jti) DO NOTHING`,
          [claims.tokenId, claims.userId, claims.expiresAt],
        );
      });
    },
  };
}

export type TokenRevocationsRepository = ReturnType<typeof createTokenRevocationsRepository>;

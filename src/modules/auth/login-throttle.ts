import { createHash } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

export interface ThrottleLimits {
  /** Failed logins per account in the window; 0 turns the limit off. */
  loginFailuresPerAccount: number;
  /** Failed logins per client address in the window; 0 turns the limit off. */
  loginFailuresPerAddress: number;
  /** Registration attempts per client address per minute; 0 turns the limit off. */
  registrationsPerAddressPerMinute: number;
}

type Kind = 'login_account' | 'login_address' | 'register_address';

const LOGIN_WINDOW_S = 15 * 60;
const REGISTER_WINDOW_S = 60;
const CLEANUP_EVERY_MS = 60_000;

// Hashed so the table holds no email or address in the clear; the kind salts the hash.
const keyOf = (kind: Kind, value: string) =>
  createHash('sha256').update(`${kind}:${value.trim().toLowerCase()}`).digest('hex');

const COUNT_SQL = `
  SELECT count(*)::int AS n,
         ceil(extract(epoch FROM min(created_at) + make_interval(secs => $3) - now()))::int AS retry
    FROM auth_throttle_events
   WHERE kind = $1 AND key_hash = $2 AND created_at > now() - make_interval(secs => $3)`;

/**
 * Failed-login and registration limits, counted in the database. A refused attempt is not
 * recorded, so waiting out Retry-After always works; a successful login is never recorded.
 */
export function createLoginThrottle({ db, limits }: { db: Database; limits: ThrottleLimits }) {
  let lastCleanup = 0;

  async function refuseOver(kind: Kind, value: string, limit: number, windowS: number) {
    if (limit <= 0) return;
    const [row] = await db.query<{ n: number; retry: number | null }>(
      COUNT_SQL,
      [kind, keyOf(kind, value), windowS],
      'throttle_count',
    );
    if (!row || row.n < limit) return;
    const retryAfterSeconds = Math.max(1, row.retry ?? windowS);
    const what = kind === 'register_address' ? 'sign-ups' : 'failed logins';
    throw new AppError(
      'RATE_LIMITED',
      `Too many ${what}. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
      { retryAfterSeconds },
    );
  }

  async function record(events: [Kind, string][]) {
    await db.query(
      `INSERT INTO auth_throttle_events (kind, key_hash)
       SELECT * FROM unnest($1::text[], $2::text[])`,
      [events.map(([k]) => k), events.map(([k, v]) => keyOf(k, v))],
    );
    // The service keeps the table small itself: at most once a minute per process.
    if (Date.now() - lastCleanup >= CLEANUP_EVERY_MS) {
      lastCleanup = Date.now();
      await db.query(
        `DELETE FROM auth_throttle_events WHERE created_at < now() - make_interval(secs => $1)`,
        [Math.max(LOGIN_WINDOW_S, REGISTER_WINDOW_S)],
      );
    }
  }

  return {
    /** Runs a login attempt unless a limit is reached; a wrong password is counted. */
    async login<T>(email: string, address: string, attempt: () => Promise<T>): Promise<T> {
      await refuseOver('login_account', email, limits.loginFailuresPerAccount, LOGIN_WINDOW_S);
      await refuseOver('login_address', address, limits.loginFailuresPerAddress, LOGIN_WINDOW_S);
      try {
        return await attempt();
      } catch (err) {
        const counted = limits.loginFailuresPerAccount > 0 || limits.loginFailuresPerAddress > 0;
        if (counted && err instanceof AppError && err.code === 'INVALID_CREDENTIALS') {
          await record([
            ['login_account', email],
            ['login_address', address],
          ]);
        }
        throw err;
      }
    },

    /** Runs a registration unless the address has made too many this minute; each one counts. */
    async register<T>(address: string, attempt: () => Promise<T>): Promise<T> {
      const limit = limits.registrationsPerAddressPerMinute;
      await refuseOver('register_address', address, limit, REGISTER_WINDOW_S);
      if (limit > 0) await record([['register_address', address]]);
      return attempt();
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

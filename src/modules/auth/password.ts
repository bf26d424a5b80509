import { hash, verify } from '@node-rs/argon2';
import { createSemaphore, type Semaphore } from '../../platform/semaphore.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. argon2id is the library's default algorithm.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// argon2 runs on libuv's thread pool (4 threads), which file and DNS work share: a flood of
// logins would queue everything else behind it. At most this many hash at once; more wait.
let slots: Semaphore = createSemaphore(2);
let peak = 0;

/** Sets how many hashes may run at once (PASSWORD_HASH_CONCURRENCY). */
export function limitPasswordHashing(concurrency: number): void {
  slots = createSemaphore(concurrency);
}

/** The most hashes seen running at once since the last call (for tests and metrics). */
export function takePasswordHashingPeak(): number {
  const seen = peak;
  peak = 0;
  return seen;
}

const limited = <T>(fn: () => Promise<T>): Promise<T> => {
  const own = slots;
  return own.run(() => {
    peak = Math.max(peak, own.active);
    return fn();
  });
};

export const hashPassword = (password: string): Promise<string> =>
  limited(() => hash(password, OPTIONS));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await limited(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> =>
  (dummyHash ??= hashPassword('not-a-real-password-only-for-timing'));

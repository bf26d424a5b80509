import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MIN_LENGTH = 32;

/**
 * Embedded mode: the signing secret is made on first start and kept, owner-only, in
 * DATA_DIR. An existing file readable by others is made owner-only; a short one is
 * refused, never replaced: replacing it would silently log every user out.
 */
export async function loadOrCreateJwtSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'jwt-secret');
  let existing: string;
  try {
    existing = (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const secret = randomBytes(48).toString('base64url');
    // 'wx': another process creating it at the same moment makes this fail, not overwrite.
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
  if (existing.length < MIN_LENGTH) {
    throw new Error(
      `${file} holds a secret of ${existing.length} characters; at least ${MIN_LENGTH} are needed. ` +
        'Put a longer secret in it, or delete the file to have one generated (tokens issued so far stop working).',
    );
  }
  if (((await stat(file)).mode & 0o077) !== 0) {
    try {
      await chmod(file, 0o600);
    } catch {
      throw new Error(
        `${file} is readable by other users and its mode cannot be changed; make it owner-only (chmod 600).`,
      );
    }
  }
  return existing;
}

/** Embedded mode: the key that encrypts users' provider keys, 32 random bytes kept owner-only in DATA_DIR. */
export async function loadOrCreateSecretsKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'secrets-key');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (Buffer.from(existing, 'base64').length === 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32).toString('base64');
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';

// Everything under DATA_DIR is the service user's alone (folders 0700, files 0600).

/** Sets folders to 0700 and files to 0600 below dir (symbolic links are left alone). */
export async function makeOwnerOnly(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  const entries = await readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return makeOwnerOnly(full);
      return e.isFile() ? chmod(full, 0o600) : undefined;
    }),
  );
}

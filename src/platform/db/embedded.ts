import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmbeddedDatabase, openEmbeddedClient, type Database } from './client.js';
import { lockDataDir } from './data-dir-lock.js';
import { makeOwnerOnly } from './owner-only.js';

// Built by `npm run build`: an initialised, migrated cluster. Copying it takes
// a fraction of a second where a fresh initdb takes several.
export const TEMPLATE_DIR = fileURLToPath(
  new URL('../../../dist/pgdata-template/', import.meta.url),
);

// Some hundreds of small files: copied all at once, several times faster than fs.cp, and
// made owner-only as they land (a walk afterwards would hold up the first start).
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((e) => {
      const [source, target] = [path.join(from, e.name), path.join(to, e.name)];
      return e.isDirectory()
        ? copyTree(source, target)
        : copyFile(source, target).then(() => chmod(target, 0o600));
    }),
  );
}

/** Copies the template into place; the rename makes a half-finished copy impossible to mistake for a cluster. */
async function createFromTemplate(pgData: string): Promise<void> {
  const partial = `${pgData}.partial`;
  await rm(partial, { recursive: true, force: true });
  await copyTree(TEMPLATE_DIR, partial);
  await rm(pgData, { recursive: true, force: true });
  await rename(partial, pgData);
}

export interface EmbeddedStorage {
  db: Database;
  close(): Promise<void>;
}

export async function openEmbeddedStorage(dataDir: string): Promise<EmbeddedStorage> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700); // before anything is written in it
  const unlock = await lockDataDir(dataDir);
  try {
    const pgData = path.join(dataDir, 'pgdata');
    const fromTemplate =
      !existsSync(path.join(pgData, 'PG_VERSION')) &&
      existsSync(path.join(TEMPLATE_DIR, 'PG_VERSION'));
    if (fromTemplate) await createFromTemplate(pgData);
    const client = await openEmbeddedClient(pgData);
    // PGlite creates its files 0666 whatever the umask. DATA_DIR itself is 0700 from the
    // start, so no other user can reach into it; the modes below are fixed once open
    // (older installs; a new copy of the template is owner-only already) and again on
    // close (files made while running).
    if (!fromTemplate) await makeOwnerOnly(dataDir);
    const db = createEmbeddedDatabase(client);
    return {
      db,
      close: async () => {
        await db.close();
        await makeOwnerOnly(dataDir).catch(() => undefined);
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmbeddedDatabase, openEmbeddedClient, type Database } from './client.js';
import { lockDataDir } from './data-dir-lock.js';

// Built by `npm run build`: an initialised, migrated cluster. Loading it takes
// a fraction of a second where a fresh initdb takes several.
export const TEMPLATE_PATH = fileURLToPath(
  new URL('../../../dist/pgdata-template.tar', import.meta.url),
);

export interface EmbeddedStorage {
  db: Database;
  /** True when this start created the cluster. */
  created: boolean;
  close(): Promise<void>;
}

export async function openEmbeddedStorage(dataDir: string): Promise<EmbeddedStorage> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    const pgData = path.join(dataDir, 'pgdata');
    const created = !existsSync(path.join(pgData, 'PG_VERSION'));
    const template =
      created && existsSync(TEMPLATE_PATH) ? new Blob([await readFile(TEMPLATE_PATH)]) : undefined;
    const client = await openEmbeddedClient(pgData, template);
    const db = createEmbeddedDatabase(client);
    return {
      db,
      created,
      close: async () => {
        await db.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

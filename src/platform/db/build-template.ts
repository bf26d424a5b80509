// `npm run build` step: writes an initialised, migrated PGlite cluster that
// first starts load instead of running initdb.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createEmbeddedDatabase } from './client.js';
import { TEMPLATE_PATH } from './embedded.js';
import { migrate } from './migrate.js';

export async function buildTemplate(target = TEMPLATE_PATH): Promise<void> {
  const client = await PGlite.create('memory://');
  const db = createEmbeddedDatabase(client);
  await migrate(db);
  await client.query('CHECKPOINT');
  const dump = await client.dumpDataDir('none');
  await client.close();
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, new Uint8Array(await dump.arrayBuffer()));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await buildTemplate(process.argv[2]);
}

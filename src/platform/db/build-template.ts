// `npm run build` step: an initialised, migrated PGlite cluster that first
// starts copy instead of running initdb.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddedDatabase, openEmbeddedClient } from './client.js';
import { TEMPLATE_DIR } from './embedded.js';
import { migrate } from './migrate.js';

/** The template as a data folder, for `npm start`'s first start. */
export async function buildTemplateDir(dir = TEMPLATE_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const client = await openEmbeddedClient(dir);
  await migrate(createEmbeddedDatabase(client));
  await client.close();
}

/** The template as a tarball, for in-memory databases (tests load one per app). */
export async function buildTemplateTar(file: string): Promise<void> {
  const client = await openEmbeddedClient('memory://');
  await migrate(createEmbeddedDatabase(client));
  await client.query('CHECKPOINT');
  const dump = await client.dumpDataDir('none');
  await client.close();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await buildTemplateDir(process.argv[2]);
}

// `npm run build` step: an initialised, migrated PGlite cluster that first
// starts copy instead of running initdb.
import type { PGlite } from '@electric-sql/pglite';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddedDatabase, openEmbeddedClient } from './client.js';
import { TEMPLATE_DIR } from './embedded.js';
import { migrate } from './migrate.js';

/** Bumped when what the template holds changes, so a cached copy of an older one is not used. */
export const TEMPLATE_VERSION = 2;

/**
 * The service uses one database, `postgres`. initdb also makes template0 and template1,
 * two thirds of the cluster's files, which every first start would copy and every start
 * scan; nothing here creates databases, so the template goes without them.
 */
async function keepOneDatabase(client: PGlite): Promise<void> {
  // One statement at a time: DROP DATABASE cannot run inside a transaction block.
  for (const name of ['template0', 'template1']) {
    await client.exec(`ALTER DATABASE ${name} IS_TEMPLATE false`);
    await client.exec(`DROP DATABASE ${name}`);
  }
  await client.exec('CHECKPOINT');
}

/** The template as a data folder, for `npm start`'s first start. */
export async function buildTemplateDir(dir = TEMPLATE_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const client = await openEmbeddedClient(dir);
  await migrate(createEmbeddedDatabase(client));
  await keepOneDatabase(client);
  await client.close();
}

/** The template as a tarball, for in-memory databases (tests load one per app). */
export async function buildTemplateTar(file: string): Promise<void> {
  const client = await openEmbeddedClient('memory://');
  await migrate(createEmbeddedDatabase(client));
  await keepOneDatabase(client);
  const dump = await client.dumpDataDir('none');
  await client.close();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await buildTemplateDir(process.argv[2]);
}

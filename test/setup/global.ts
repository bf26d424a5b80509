import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplateTar, TEMPLATE_VERSION } from '../../src/platform/db/build-template.js';
import { readMigrations } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

// One migrated PGlite cluster for the whole run; every test app loads a copy
// into memory instead of paying for initdb.
export default async function setup(project: TestProject): Promise<void> {
  const migrations = await readMigrations();
  const hash = createHash('sha256')
    .update(JSON.stringify({ migrations, version: TEMPLATE_VERSION }))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(tmpdir(), `interview-practice-test-template-${hash}.tar`);
  if (!existsSync(file)) await buildTemplateTar(file);
  project.provide('pgliteTemplate', file);
}

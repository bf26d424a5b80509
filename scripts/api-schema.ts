// The UI's wire types, generated from the service's own OpenAPI document:
//   npm run generate:api   (writes src/web/api-schema.d.ts; a test fails when it is stale)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { createBusyMeter } from '../src/platform/busy-meter.js';

export const API_SCHEMA_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src/web/api-schema.d.ts',
);

/** /openapi.json of the app itself: routes are registered, nothing is opened or listened on. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  // Routes read their services only when a request comes, so registering needs none.
  const deps = {
    config: loadConfig({}),
    log: pino({ level: 'silent' }),
    watcher: { stop: async () => undefined },
    services: {},
    tokens: {},
    requests: createBusyMeter(1, 1),
  } as unknown as Deps;
  const app = await buildApp(deps);
  try {
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    return res.json();
  } finally {
    await app.close();
  }
}

export async function renderApiSchema(): Promise<string> {
  const ast = await openapiTS((await buildOpenApiDocument()) as never);
  const header =
    '// Generated from /openapi.json by `npm run generate:api`: do not edit by hand.\n\n';
  return header + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fresh = await renderApiSchema();
  const current = existsSync(API_SCHEMA_FILE) ? readFileSync(API_SCHEMA_FILE, 'utf8') : '';
  // Written only when it changed, so a build leaves the sources' times alone.
  if (fresh !== current) {
    writeFileSync(API_SCHEMA_FILE, fresh);
    process.stderr.write(`wrote ${path.relative(process.cwd(), API_SCHEMA_FILE)}\n`);
  }
}

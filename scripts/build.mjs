// npm run build: compile the server, bundle its entry points, build the web UI, prepare the
// embedded database template.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, cmd, args) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build step failed: ${label}\n`);
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`  ${label} (${Date.now() - started} ms)\n`);
}

run('server', bin('tsc'), ['-p', 'tsconfig.build.json']);
run('server bundle', process.execPath, ['scripts/bundle.mjs']);
// The UI's wire types from the server's own OpenAPI document (unchanged unless a route changed).
run('API types', bin('tsx'), ['scripts/api-schema.ts']);
if (existsSync(path.join(root, 'vite.config.ts')))
  run('web UI', bin('vite'), ['build', '--logLevel', 'warn']);
run('database template', process.execPath, ['dist/platform/db/build-template.js']);
writeFileSync(path.join(root, 'dist', '.build-complete'), new Date().toISOString());

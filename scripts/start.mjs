// npm start / npm run worker: build first when the compiled output is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsStale } from './build-freshness.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const role = process.argv[2] === 'worker' ? 'worker' : 'main';
const entry = path.join(root, 'dist', `${role}.js`);

const stale = buildIsStale(root);

if (stale) {
  process.stderr.write('Building (first start or sources changed)...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import(pathToFileURL(entry).href);

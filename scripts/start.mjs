// npm start / npm run worker: build first when the compiled output is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const role = process.argv[2] === 'worker' ? 'worker' : 'main';
const entry = path.join(root, 'dist', `${role}.js`);
const stamp = path.join(root, 'dist', '.build-complete');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'migrations'].map((d) => path.join(root, d)).filter(existsSync);
const stale =
  !existsSync(entry) ||
  !existsSync(stamp) ||
  Math.max(...sources.map(newestMtime), statSync(path.join(root, 'package.json')).mtimeMs) >
    statSync(stamp).mtimeMs;

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

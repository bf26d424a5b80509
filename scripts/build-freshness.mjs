// Whether dist/ is older than what it is built from. npm start (and npm run worker),
// the bench and the browser tests build first when it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const OUTPUTS = ['dist/main.js', 'dist/worker.js', 'dist/web/index.html'];
const SOURCES = [
  'src',
  'migrations',
  'package.json',
  'vite.config.ts',
  'scripts/build.mjs',
  'scripts/bundle.mjs',
];

function newestMtime(p) {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** True when a build output or the stamp of a finished build is missing, or a source is newer. */
export function buildIsStale(root) {
  const stamp = path.join(root, 'dist', '.build-complete');
  if (!existsSync(stamp) || !OUTPUTS.every((p) => existsSync(path.join(root, p)))) return true;
  const sources = SOURCES.map((p) => path.join(root, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs;
}

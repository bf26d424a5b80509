import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than the sources (as npm start does). */
export function ensureBuilt(): void {
  const stamp = path.join(ROOT, 'dist', '.build-complete');
  const outputs = ['dist/main.js', 'dist/web/index.html'].map((p) => path.join(ROOT, p));
  const sources = ['src', 'migrations', 'package.json', 'vite.config.ts']
    .map((p) => path.join(ROOT, p))
    .filter(existsSync);
  const newestSource = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  const fresh =
    existsSync(stamp) && outputs.every(existsSync) && statSync(stamp).mtimeMs >= newestSource;
  if (fresh) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

function isFresh(): boolean {
  const stamp = path.join(ROOT, 'dist', '.build-complete');
  const outputs = ['dist/main.js', 'dist/web/index.html'].map((p) => path.join(ROOT, p));
  const sources = ['src', 'migrations', 'package.json', 'vite.config.ts']
    .map((p) => path.join(ROOT, p))
    .filter(existsSync);
  const newestSource = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  return existsSync(stamp) && outputs.every(existsSync) && statSync(stamp).mtimeMs >= newestSource;
}

const LOCK = path.join(ROOT, 'dist', '.build-lock');
// A build that has held the lock this long died with it.
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `npm run build` when dist/ is missing or older than the sources (as npm start does).
 * Test files run in parallel: one builds, under a lock, and the others wait for it.
 */
export function ensureBuilt(): void {
  for (;;) {
    if (isFresh()) return;
    mkdirSync(path.dirname(LOCK), { recursive: true });
    try {
      mkdirSync(LOCK);
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      } else {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      }
      continue;
    }
    try {
      if (isFresh()) return;
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
      }
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

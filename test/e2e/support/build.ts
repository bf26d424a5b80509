import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from '../../../scripts/build-freshness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LOCK = path.join(ROOT, 'dist', '.build-lock');
// A build that has held the lock this long died with it.
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `npm run build` when dist/ is missing or older than the sources (as npm start does).
 * Test files run in parallel: one builds, under a lock, and the others wait for it.
 */
export function ensureBuilt(): void {
  for (;;) {
    if (!buildIsStale(ROOT)) return;
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
      if (!buildIsStale(ROOT)) return;
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

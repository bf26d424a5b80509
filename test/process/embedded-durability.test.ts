import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStorage } from '../../src/platform/db/embedded.js';

// What a copy of DATA_DIR taken while the service writes holds: the state a crash of the
// process (or a file-level backup of a live folder) leaves behind. Every write acknowledged
// before the copy began must be in it. (A power cut can lose more: PGlite's file system
// never reaches the disk with fsync; the README's "Reliability" section says what.)
const WRITES = 300;
const COPIES = 4;

describe('embedded durability', () => {
  const dirs: string[] = [];
  const tempDir = async (name: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), `${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('a copy taken at any moment during writes opens and holds every acknowledged write', async () => {
    const dataDir = await tempDir('durability-data');
    const storage = await openEmbeddedStorage(dataDir);
    await storage.db.query('CREATE TABLE probe (n int PRIMARY KEY, body text NOT NULL)');

    // Copies start after a random number of further acknowledged writes and run while
    // writing goes on, as a crash or a backup would find the folder.
    const triggers = new Set<number>();
    while (triggers.size < COPIES) triggers.add(1 + Math.floor(Math.random() * (WRITES - 1)));
    const copies: Promise<{ dir: string; ackedBefore: number }>[] = [];
    for (let n = 1; n <= WRITES; n++) {
      if (triggers.has(n)) {
        const ackedBefore = n - 1;
        copies.push(
          tempDir('durability-copy').then(async (dir) => {
            await cp(path.join(dataDir, 'pgdata'), dir, { recursive: true });
            return { dir, ackedBefore };
          }),
        );
      }
      await storage.db.query('INSERT INTO probe (n, body) VALUES ($1, $2)', [n, 'x'.repeat(200)]);
    }
    const taken = await Promise.all(copies);
    await storage.close();

    for (const { dir, ackedBefore } of taken) {
      const copy = await PGlite.create(dir);
      try {
        const { rows } = await copy.query<{ held: number; total: number; last: number }>(
          `SELECT count(*) FILTER (WHERE n <= $1)::int AS held, count(*)::int AS total,
                  coalesce(max(n), 0)::int AS last FROM probe`,
          [ackedBefore],
        );
        expect(rows[0]!.held).toBe(ackedBefore);
        // Writes acknowledged while the copy ran may or may not be in it, but in order:
        // the copy is some moment of the history, never one with holes.
        expect(rows[0]!.total).toBe(rows[0]!.last);
      } finally {
        await copy.close();
      }
    }
  }, 120_000);
});

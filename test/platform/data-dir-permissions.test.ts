import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStorage } from '../../src/platform/db/embedded.js';
import { loadOrCreateJwtSecret } from '../../src/platform/secret.js';

async function modes(dir: string): Promise<{ file: string; mode: number }[]> {
  const out = [{ file: dir, mode: (await stat(dir)).mode & 0o777 }];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await modes(full)));
    else if (e.isFile()) out.push({ file: full, mode: (await stat(full)).mode & 0o777 });
  }
  return out;
}

const loose = (entries: { file: string; mode: number }[]) =>
  entries.filter((e) => (e.mode & 0o077) !== 0).map((e) => `${e.file} ${e.mode.toString(8)}`);

describe('DATA_DIR permissions', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // One cluster for both checks: creating one without the built template takes a while.
  it('keeps every folder and file owner-only, including what PGlite writes, and fixes older installs', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'perm-'));
    const dataDir = path.join(dir, 'data');
    const storage = await openEmbeddedStorage(dataDir);
    // No other user can reach into DATA_DIR while the service runs.
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    // The copy of the template is owner-only as it lands; only what PostgreSQL wrote on
    // start (its relation cache) waits for the close.
    const written = (await modes(dataDir)).filter((e) => !e.file.endsWith('pg_internal.init'));
    expect(written.length).toBeGreaterThan(100);
    expect(loose(written)).toEqual([]);
    // Make PGlite write new relation files and WAL while open.
    await storage.db.query('CREATE TABLE perm_probe (id int, t text)');
    await storage.db.query(
      "INSERT INTO perm_probe SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g",
    );
    await storage.db.query('CHECKPOINT');
    await loadOrCreateJwtSecret(dataDir);
    await storage.close();
    const all = await modes(dataDir);
    expect(all.length).toBeGreaterThan(100);
    expect(loose(all)).toEqual([]);

    // As an older version left it: everything world-readable and writable.
    for (const e of all) {
      const isDir = (await stat(e.file)).isDirectory();
      await chmod(e.file, isDir ? 0o777 : 0o666);
    }
    expect(loose(await modes(dataDir)).length).toBeGreaterThan(100);
    const reopened = await openEmbeddedStorage(dataDir);
    expect(loose(await modes(dataDir))).toEqual([]);
    await reopened.close();
    expect(loose(await modes(dataDir))).toEqual([]);
  });
});

describe('the JWT secret file', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is created owner-only and read back unchanged', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    const secret = await loadOrCreateJwtSecret(dir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(path.join(dir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateJwtSecret(dir)).toBe(secret);
  });

  it('is made owner-only when found readable by others', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    const file = path.join(dir, 'jwt-secret');
    await writeFile(file, 'k'.repeat(40));
    await chmod(file, 0o644);
    expect(await loadOrCreateJwtSecret(dir)).toBe('k'.repeat(40));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is refused with a clear error, and kept, when too short', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'jwt-secret');
    await writeFile(file, 'short', { mode: 0o600 });
    await expect(loadOrCreateJwtSecret(dir)).rejects.toThrow(/5 characters; at least 32/);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(file, 'utf8')).toBe('short');
  });
});

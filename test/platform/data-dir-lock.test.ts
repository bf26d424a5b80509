import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentOwner,
  DataDirLockedError,
  lockDataDir,
} from '../../src/platform/db/data-dir-lock.js';

const linux = process.platform === 'linux';

describe('the DATA_DIR lock', () => {
  let dir: string;
  const lockFile = () => path.join(dir, 'service.lock');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'interview-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.skipIf(!linux)(
    'takes over a lock naming this very pid with another start time (a restart on the same pid)',
    async () => {
      const me = await currentOwner();
      const stale = { ...me, start: String(Number(me.start) - 1) };
      await writeFile(lockFile(), JSON.stringify(stale));
      const release = await lockDataDir(dir);
      expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual(me);
      await release();
    },
  );

  it('takes over a lock in the older format naming this very pid', async () => {
    await writeFile(lockFile(), String(process.pid));
    const release = await lockDataDir(dir);
    await release();
  });

  it('refuses while this process holds it', async () => {
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    await (
      await lockDataDir(dir)
    )();
  });

  describe('with another live process', () => {
    let child: ReturnType<typeof spawn>;
    beforeEach(() => {
      child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    });
    afterEach(async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    });

    it('refuses a lock that process holds', async () => {
      await writeFile(lockFile(), JSON.stringify(await currentOwner(child.pid!)));
      await expect(lockDataDir(dir)).rejects.toThrow(`pid ${child.pid}`);
    });

    it.skipIf(!linux)('takes over a lock whose pid that process only reused', async () => {
      const owner = await currentOwner(child.pid!);
      await writeFile(lockFile(), JSON.stringify({ ...owner, start: `${owner.start}0` }));
      await (
        await lockDataDir(dir)
      )();
    });
  });
});

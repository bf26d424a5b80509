import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another running process (pid ${pid}). ` +
        'Stop that process, or choose another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Who holds the lock: a pid alone is not enough, since pids are reused (a restarted container's first process gets the same one). */
export interface LockOwner {
  pid: number;
  /** Linux: the process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  start?: string;
  /** Linux: this boot's id; start times restart from zero at every boot. */
  boot?: string;
}

async function startTime(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) may hold spaces and parentheses; the fields after it do not.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[19]; // field 22 of the whole line
}

const bootId = (): Promise<string | undefined> =>
  readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (s) => s.trim(),
    () => undefined,
  );

/** This process as a lock owner. */
export async function currentOwner(pid = process.pid): Promise<LockOwner> {
  return { pid, start: await startTime(pid), boot: await bootId() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as LockOwner | number;
    if (typeof owner === 'number') return { pid: owner }; // the older format: a bare pid
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

/** Whether the recorded owner is still running: the same pid, started at the same moment of this boot. */
async function isHeld(owner: LockOwner): Promise<boolean> {
  if (!isAlive(owner.pid)) return false;
  const now = await currentOwner(owner.pid);
  if (owner.start === undefined || now.start === undefined) return owner.pid !== process.pid;
  return owner.start === now.start && owner.boot === now.boot;
}

/**
 * PGlite does not lock its folder and two processes on one folder corrupt it. The
 * lock file names its owner; a lock whose owner is gone (kill -9), or whose pid now
 * belongs to another process (this one included), is taken over. Returns the function
 * that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'service.lock');
  const me = JSON.stringify(await currentOwner());
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(me);
      await handle.close();
      return async () => {
        const owner = await readFile(file, 'utf8').catch(() => '');
        if (owner === me) await unlink(file).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = parseOwner(await readFile(file, 'utf8').catch(() => ''));
      if (owner && (await isHeld(owner))) throw new DataDirLockedError(dataDir, owner.pid);
      await unlink(file).catch(() => undefined); // stale: its owner died without releasing it
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

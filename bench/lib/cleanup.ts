// Whatever the bench started is undone however it ends: the process groups of
// its servers are killed even on a crash, temporary databases and folders are
// removed on any normal or signalled end.
const tasks: Array<() => Promise<unknown>> = [];
const groups = new Set<number>();

export function onCleanup(task: () => Promise<unknown>): void {
  tasks.push(task);
}

/** A server's process group (`npm start` runs the server as a grandchild). */
export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
}

export function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

export async function cleanup(): Promise<void> {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
  while (tasks.length > 0) {
    const task = tasks.pop();
    await task?.().catch((err: unknown) =>
      process.stderr.write(`cleanup: ${(err as Error).message}\n`),
    );
  }
}

process.once('exit', () => {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the servers and removing temporary data\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

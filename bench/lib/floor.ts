import path from 'node:path';
import { spawnServer, type Child } from './processes.js';
import type { Storage } from './service.js';

export interface FloorSeed {
  userId: string;
  sessionIds: string[];
  operationIds: string[];
}

/**
 * Starts bench/floor-server.ts on its own storage (a database of its own, or
 * a PGlite folder) and returns it with the ids it seeded.
 */
export async function startFloor(o: {
  root: string;
  storage: Storage;
  port: number;
  sessions: number;
  poolSize: number;
  sampleResult: unknown;
}): Promise<{ child: Child; seed: FloorSeed }> {
  let out = '';
  let resolveSeed: (s: FloorSeed) => void = () => undefined;
  const seeded = new Promise<FloorSeed>((r) => (resolveSeed = r));
  const child = await spawnServer({
    name: 'floor',
    command: process.execPath,
    args: ['--import', 'tsx', path.join('bench', 'floor-server.ts')],
    cwd: o.root,
    env: {
      PATH: process.env.PATH,
      PORT: String(o.port),
      DATABASE_URL: o.storage.mode === 'postgres' ? o.storage.url : undefined,
      FLOOR_DATA_DIR:
        o.storage.mode === 'embedded' ? path.join(o.storage.dataDir, 'pgdata') : undefined,
      FLOOR_POOL_SIZE: String(o.poolSize),
      FLOOR_SESSIONS: String(o.sessions),
      FLOOR_SAMPLE_RESULT: JSON.stringify(o.sampleResult),
      FLOOR_TEMPLATE_DIR: path.join(o.root, 'dist', 'pgdata-template'),
    },
    port: o.port,
    readyTimeoutMs: 120_000,
    onStdout: (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"floor"'));
      if (line) resolveSeed((JSON.parse(line) as { floor: FloorSeed }).floor);
    },
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('the floor did not print its seed')), 10_000).unref(),
  );
  return { child, seed: await Promise.race([seeded, timeout]) };
}

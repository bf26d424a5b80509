import type { Config } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import type { EmbeddedStorage } from './platform/db/embedded.js';
import { migrate } from './platform/db/migrate.js';
import { createLogger } from './platform/logger.js';

/**
 * createDeps -> migrate, shared by the API and worker processes. `storage` is an
 * embedded database already being opened. Exits with a clear message on a bad start.
 */
export async function startDeps(
  role: 'api' | 'worker',
  config: Readonly<Config>,
  storage?: Promise<EmbeddedStorage>,
): Promise<Deps> {
  const log = createLogger(config.logLevel).child({ role });
  try {
    const deps = await createDeps(config, { log, storage });
    const applied = await migrate(deps.db);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    return deps;
  } catch (err) {
    const message =
      err instanceof DataDirLockedError
        ? err.message
        : `Could not start: ${(err as Error).message}`;
    log.fatal(message);
    log.flush();
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

import { ConfigError, loadConfig, type Config } from '../config.js';
import { createDeps, type Deps } from '../deps.js';
import { migrate } from './db/migrate.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createLogger } from './logger.js';

/** loadConfig -> createDeps -> migrate, shared by the API and worker processes. Exits on a bad start. */
export async function startDeps(role: 'api' | 'worker'): Promise<Deps> {
  let config: Readonly<Config>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (role === 'worker' && config.storage.mode === 'embedded') {
    process.stderr.write(
      'npm run worker needs DATABASE_URL: in embedded mode the API process (npm start) runs the worker itself.\n',
    );
    process.exit(2);
  }
  const log = createLogger(config.logLevel).child({ role });
  try {
    const deps = await createDeps(config, { log });
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

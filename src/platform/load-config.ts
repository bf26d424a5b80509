import { ConfigError, loadConfig, type Config } from '../config.js';

/** The process's configuration, or exit code 2 with every problem listed. Cheap: runs before the heavy imports. */
export function loadConfigOrExit(role: 'api' | 'worker'): Readonly<Config> {
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
  return config;
}

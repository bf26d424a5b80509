import { loadConfigOrExit } from './platform/load-config.js';
import { startDeps } from './startup.js';
import { startWorker } from './start-worker.js';
import { onShutdown } from './platform/shutdown.js';

// npm run worker: loadConfig -> createDeps -> startWorker -> graceful shutdown.
const deps = await startDeps('worker', loadConfigOrExit('worker'));
const worker = await startWorker(deps);
deps.log.info(
  { generator: deps.generator.name, concurrency: deps.config.worker.concurrency },
  'worker started',
);
onShutdown(async () => {
  await worker.stop(deps.config.worker.shutdownGraceMs);
  await deps.close();
}, deps.log);

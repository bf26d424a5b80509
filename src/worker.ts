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
// The worker's own timers do not hold the process open, and during a database outage it
// may have no socket left either: without this the process would end, with code 0, and a
// supervisor would not restart it. It lives until it is told to stop.
const keepAlive = setInterval(() => undefined, 1 << 30);
onShutdown(async () => {
  clearInterval(keepAlive);
  await worker.stop(deps.config.worker.shutdownGraceMs);
  await deps.close();
}, deps.log);

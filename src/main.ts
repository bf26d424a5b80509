import { buildApp } from './app.js';
import { startDeps } from './platform/startup.js';
import { onShutdown } from './platform/shutdown.js';

// npm start: loadConfig -> createDeps -> migrate -> buildApp -> listen (+ the worker) -> graceful shutdown.
const deps = await startDeps('api');
const { config, log } = deps;
const app = await buildApp(deps);
const address = await app.listen({ host: config.host, port: config.port });
// Embedded mode has no other process to run workers; with PostgreSQL it is a choice.
const worker =
  config.storage.mode === 'embedded' || config.worker.inApi ? await deps.startWorker() : undefined;

log.info(
  {
    address,
    storage: config.storage.mode,
    data_dir: config.storage.mode === 'embedded' ? config.dataDir : undefined,
    generator: deps.generator.name,
    worker: worker ? `in process, concurrency ${config.worker.concurrency}` : 'off',
  },
  `listening on ${address}`,
);

onShutdown(async () => {
  await app.close();
  await worker?.stop(config.worker.shutdownGraceMs);
  await deps.close();
}, log);

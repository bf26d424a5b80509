import { openEmbeddedStorage } from './platform/db/embedded.js';
import { loadConfigOrExit } from './platform/load-config.js';

// npm start: loadConfig -> createDeps -> migrate -> buildApp -> listen (+ the worker) -> graceful shutdown.
const initial = loadConfigOrExit('api');
// The embedded database opens (file copy, WebAssembly compilation) while the rest of
// the service loads, which cuts start-up by about a third. Its errors surface below.
const storage =
  initial.storage.mode === 'embedded' ? openEmbeddedStorage(initial.storage.dataDir) : undefined;
storage?.catch(() => undefined);
const [{ startDeps }, { startWorker }, { buildApp }, { onShutdown }] = await Promise.all([
  import('./startup.js'),
  import('./start-worker.js'),
  import('./app.js'),
  import('./platform/shutdown.js'),
]);
const deps = await startDeps('api', initial, storage);
const { config, log } = deps;
const app = await buildApp(deps);
let address: string;
try {
  address = await app.listen({ host: config.host, port: config.port });
} catch (err) {
  const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const message = inUse
    ? `Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT.`
    : `Could not listen on ${config.host}:${config.port}: ${(err as Error).message}`;
  log.fatal(message);
  process.stderr.write(`${message}\n`);
  await deps.close();
  process.exit(1);
}
// Embedded mode has no other process to run workers; with PostgreSQL it is a choice.
const worker =
  config.storage.mode === 'embedded' || config.worker.inApi
    ? await startWorker(deps, { yieldToRequests: true })
    : undefined;

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

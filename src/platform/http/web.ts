import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// The project root from both src/platform/http (tsx, tests) and dist/platform/http (npm start).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIST_DIR = path.join(ROOT, 'dist', 'web');

const wantsPage = (request: FastifyRequest): boolean => {
  const url = request.url;
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) return false;
  return (request.headers.accept ?? '').includes('text/html');
};

/**
 * Serves the built web UI at `/`. Unknown GET paths that ask for a page get index.html
 * (the UI decides what to show); everything else keeps the JSON 404.
 * Does nothing when the UI has not been built.
 */
export async function registerWeb(
  app: FastifyInstance,
  { dir = WEB_DIST_DIR }: { dir?: string } = {},
): Promise<void> {
  if (!existsSync(path.join(dir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // One route per built file, so the fallback below can own `/*`.
    wildcard: false,
    cacheControl: false,
    setHeaders(reply, filePath) {
      // Vite puts a content hash in every asset name; only index.html can change under one name.
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (!wantsPage(request)) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

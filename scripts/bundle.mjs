// npm run build, after tsc: dist/main.js and dist/worker.js become one file each (our own
// modules bundled by esbuild; packages stay in node_modules), so a start reads two files
// instead of a few hundred. Every other file of dist/ (the worker-thread entries, the
// template builder) stays as tsc wrote it. A bundled module's import.meta.url is rewritten
// to the URL its own compiled file has in dist/, so paths it resolves from there (the
// migrations, the database template, the UI, the thread entries) stay the same.
import { build } from 'esbuild';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url') || !args.path.startsWith(src + path.sep)) {
        return { contents: text, loader: 'ts' };
      }
      const compiled = `./${path.relative(src, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js')}`;
      const url = `new URL(${JSON.stringify(compiled)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  '@node-rs/argon2',
  '@fastify/swagger-ui',
  '@fastify/static',
  'pdfkit',
  'unpdf',
  'mammoth',
  'compromise',
  'compromise/*',
  'ai',
  '@ai-sdk/*',
  'undici',
  'pino',
  'thread-stream',
  'pg-native',
];

// Chunks are named by their content. A server still running from an earlier build loads
// its own chunks on first use, so they are kept; those older than a day are removed.
const dist = path.join(root, 'dist');
for (const f of await readdir(dist).catch(() => [])) {
  if (!f.startsWith('bundle-') || !f.endsWith('.js')) continue;
  const file = path.join(dist, f);
  if (Date.now() - (await stat(file)).mtimeMs > 86_400_000) await rm(file);
}

await build({
  entryPoints: [path.join(src, 'main.ts'), path.join(src, 'worker.ts')],
  outdir: dist,
  bundle: true,
  // What the service imports on first use (the AI SDK, the PDF and DOCX readers) stays a
  // chunk of its own, loaded then; chunks sit in dist/ itself, beside the entries.
  splitting: true,
  chunkNames: 'bundle-[name]-[hash]',
  // Packages that read files of their own (WebAssembly, fonts, static assets, native
  // addons) or load only on first use stay in node_modules; the rest is bundled.
  external: EXTERNAL,
  banner: {
    // Bundled CommonJS packages may call require() and read __dirname.
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [keepModuleUrls],
});

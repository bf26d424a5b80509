import { defineConfig } from 'vite';

// The browser UI: src/web -> dist/web, served by the API server at `/` (src/platform/http/web.ts).
export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows only same-origin scripts: no inline polyfill, no inlined assets.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8000' },
  },
});

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandlers } from '../../src/platform/http/error-handler.js';
import { registerWeb } from '../../src/platform/http/web.js';
import { buildTestApp, type TestApp } from '../support/harness.js';

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the built web UI', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'web-dist-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>UI</title>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = Fastify();
    registerErrorHandlers(app);
    app.get('/api/v1/ping', async () => ({ ok: true }));
    await registerWeb(app, { dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / without long caching', async () => {
    const res = await app.inject({ url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<title>UI</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with long caching', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers other page paths with index.html when a page is asked for', async () => {
    const res = await app.inject({ url: '/interviews/123', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>UI</title>');
  });

  it('keeps the JSON 404 for unknown API routes, even from a browser', async () => {
    const res = await app.inject({ url: '/api/v1/nope', headers: html });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      detail: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nope.' },
    });
    expect((await app.inject({ url: '/api/v1/ping', headers: html })).json()).toEqual({ ok: true });
  });

  it('keeps the JSON 404 for paths that do not ask for a page, and for missing assets', async () => {
    for (const url of ['/nope', '/assets/missing.js']) {
      const res = await app.inject({ url, headers: { accept: '*/*' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().detail.code).toBe('NOT_FOUND');
    }
    const post = await app.inject({ method: 'POST', url: '/somewhere', headers: html });
    expect(post.statusCode).toBe(404);
  });

  it('does nothing when the UI has not been built', async () => {
    const bare = Fastify();
    registerErrorHandlers(bare);
    await registerWeb(bare, { dir: path.join(dir, 'missing') });
    const res = await bare.inject({ url: '/', headers: html });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail.code).toBe('NOT_FOUND');
    await bare.close();
  });
});

describe('security headers for the page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('allows only the app’s own scripts and styles, and no upgrade of plain http', async () => {
    const res = await t.app.inject({ url: '/', headers: html });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

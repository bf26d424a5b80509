import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('applies the contract’s defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      storage: { mode: 'embedded', dataDir: './data' },
      generationRateLimit: 30,
      llm: { provider: 'offline', timeoutMs: 10_000 },
      worker: { inApi: true },
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires JWT_SECRET', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /JWT_SECRET: is required/,
    );
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'x'.repeat(32) });
    expect(c.storage).toMatchObject({ mode: 'postgres', url: 'postgres://u@h/db' });
  });

  it('picks the OpenAI-compatible generator when a key is set, unless told otherwise', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'k' }).llm.provider).toBe('openai');
    expect(loadConfig({ OPENAI_API_KEY: 'k', LLM_PROVIDER: 'offline' }).llm.provider).toBe(
      'offline',
    );
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    // A local server that needs no key.
    const local = loadConfig({
      LLM_PROVIDER: 'openai',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
    });
    expect(local.llm).toMatchObject({
      provider: 'openai',
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: undefined,
    });
    expect(loadConfig({ OPENAI_API_KEY: 'k' }).llm.baseUrl).toBe('https://api.openai.com/v1');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: '70000',
        GENERATION_RATE_LIMIT: 'many',
        LLM_PROVIDER: 'magic',
        JWT_SECRET: 'short',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const fields = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(fields).toEqual(
        expect.arrayContaining(['PORT', 'GENERATION_RATE_LIMIT', 'LLM_PROVIDER', 'JWT_SECRET']),
      );
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8000);
  });

  it('turns the in-API worker off when asked', () => {
    expect(loadConfig({ WORKER_IN_API: 'false' }).worker.inApi).toBe(false);
  });
});

// Every response the service declares takes the serializer's forward check: none of them
// transforms its value, so none pays for zod's encode on its path.
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { buildTestApp } from '../support/harness.js';

const compiled = vi.hoisted(() => [] as Array<{ schema: unknown; method: string; url: string }>);
vi.mock('../../src/platform/http/response-serializer.js', async (importOriginal) => {
  const real =
    await importOriginal<typeof import('../../src/platform/http/response-serializer.js')>();
  return {
    ...real,
    responseSerializer: (route: Parameters<typeof real.responseSerializer>[0]) => {
      compiled.push(route);
      return real.responseSerializer(route);
    },
  };
});

describe('the declared responses', () => {
  it('are all plain schemas', async () => {
    const { isPlainSchema } = await import('../../src/platform/http/response-serializer.js');
    const t = await buildTestApp();
    await t.close();
    expect(compiled.length).toBeGreaterThan(40);
    const notPlain = compiled
      .filter((r) => !isPlainSchema(r.schema as z.ZodType))
      .map((r) => `${r.method} ${r.url}`);
    expect(notPlain).toEqual([]);
  });
});

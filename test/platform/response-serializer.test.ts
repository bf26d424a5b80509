import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { isPlainSchema, responseSerializer } from '../../src/platform/http/response-serializer.js';
import { operationResponse } from '../../src/modules/operations/operations.schemas.js';

const compile = (schema: unknown) =>
  responseSerializer({ schema, method: 'GET', url: '/x', httpStatus: '200' });

const operation: z.output<typeof operationResponse> = {
  id: '0b5f8d2e-4a6b-4c1d-9e2f-3a4b5c6d7e8f',
  operation_type: 'question_generation',
  status: 'completed',
  session_id: '1c6e9f3a-5b7c-4d2e-8f3a-4b5c6d7e8f90',
  result: {
    question_text: 'Tell me about a queue you kept draining.',
    question_type: 'experience',
    message_id: '2d7fa04b-6c8d-4e3f-9a4b-5c6d7e8f9012',
    focus: { requirement: 'queues', evidence: null, summary: 'Queues.' },
  },
  error_message: null,
  created_at: '2026-12-07T10:00:00.000Z',
  updated_at: '2026-12-07T10:00:01.000Z',
};

describe('plain response schemas', () => {
  it('are told apart from ones that transform, default, catch or defer', () => {
    expect(isPlainSchema(operationResponse)).toBe(true);
    expect(isPlainSchema(z.object({ a: z.array(z.string().nullable()).optional() }))).toBe(true);
    expect(isPlainSchema(z.object({ a: z.string().transform((s) => s.length) }))).toBe(false);
    expect(isPlainSchema(z.object({ a: z.string().default('x') }))).toBe(false);
    expect(isPlainSchema(z.array(z.string().catch('x')))).toBe(false);
    expect(isPlainSchema(z.union([z.string(), z.lazy(() => z.number())]))).toBe(false);
    expect(isPlainSchema(z.iso.datetime().pipe(z.coerce.date()))).toBe(false);
  });

  it('terminate on a recursive schema', () => {
    const node = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    expect(isPlainSchema(node)).toBe(true);
  });

  it('serialise as the type provider does: unknown keys dropped, bad data refused', () => {
    const serialize = compile(operationResponse);
    const text = serialize({ ...operation, lease_token: 'secret' });
    expect(JSON.parse(text)).toEqual(z.encode(operationResponse, operation));
    expect(text).not.toMatch(/secret/);
    let thrown: unknown;
    try {
      serialize({ ...operation, status: 'lost' });
    } catch (err) {
      thrown = err;
    }
    expect(isResponseSerializationError(thrown)).toBe(true);
  });

  it('encode a schema that is not plain, in its backward direction', () => {
    const when = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    const serialize = compile(z.object({ at: when }));
    expect(serialize({ at: new Date('2026-12-07T10:00:00.000Z') })).toBe(
      '{"at":"2026-12-07T10:00:00.000Z"}',
    );
  });
});

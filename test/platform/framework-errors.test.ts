import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/harness.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe("framework errors in the contract's shape", () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  const send = (method: string, url: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({ method: method as 'GET', url, headers: user.headers, ...extra });

  it.each([
    ['DELETE', '/api/v1/sessions', 'GET, HEAD, POST'],
    ['PUT', `/api/v1/sessions/${SOME_ID}`, 'DELETE, GET, HEAD'],
    ['GET', `/api/v1/sessions/${SOME_ID}/pause`, 'POST'],
    ['POST', '/api/v1/users/me', 'DELETE, GET, HEAD'],
    ['PATCH', `/api/v1/operations/not-even-a-uuid`, 'GET, HEAD'],
  ])('answers %s %s with 405 METHOD_NOT_ALLOWED and Allow: %s', async (method, url, allow) => {
    const res = await send(method, url);
    expect(res.statusCode, res.body).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.json().detail.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 405 before authentication: the path exists whoever asks', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/job-postings' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
  });

  it('keeps 404 NOT_FOUND for a path no route has, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await send(method, '/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.headers.allow).toBeUndefined();
      expect(res.json().detail.code).toBe('NOT_FOUND');
    }
  });

  it('answers 422 VALIDATION_ERROR, not FST_ERR_MAX_PARAM_LENGTH, for an over-long path id', async () => {
    const res = await send('GET', `/api/v1/sessions/${'a'.repeat(500)}`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      detail: {
        code: 'VALIDATION_ERROR',
        message: 'The request is not valid.',
        errors: [{ field: 'path', message: 'is too long to be an id' }],
      },
    });
  });

  it('answers 422 VALIDATION_ERROR, not FST_ERR_BAD_URL, for a path id that cannot be decoded', async () => {
    const res = await send('GET', '/api/v1/job-postings/%zz');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail.code).toBe('VALIDATION_ERROR');
    expect(res.json().detail.errors[0].field).toBe('path');
  });

  it('answers a too-large body, an unknown media type and bad JSON in the error shape', async () => {
    const big = await send('POST', '/api/v1/job-postings', {
      payload: JSON.stringify({ title: 'x', description: 'y'.repeat(1_100_000) }),
      headers: { ...user.headers, 'content-type': 'application/json' },
    });
    expect([big.statusCode, big.json().detail.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const xml = await send('POST', '/api/v1/job-postings', {
      payload: '<posting/>',
      headers: { ...user.headers, 'content-type': 'application/xml' },
    });
    expect([xml.statusCode, xml.json().detail.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const json = await send('POST', '/api/v1/job-postings', {
      payload: '{"title":',
      headers: { ...user.headers, 'content-type': 'application/json' },
    });
    expect([json.statusCode, json.json().detail.code]).toEqual([422, 'VALIDATION_ERROR']);
  });
});

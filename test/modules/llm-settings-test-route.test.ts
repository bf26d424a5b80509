import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  failure,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../llm/fake-openai-server.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, type TestUser } from '../support/factories.js';

const QUESTION = completion(
  JSON.stringify({
    question_text: 'Which test would you write first for a new TypeScript web service, and why?',
    question_type: 'technical',
    focus: { requirement: 'write tests', evidence: null, summary: 'testing habits' },
  }),
);
const KEY = `sk-probe-${randomBytes(12).toString('hex')}-wxyz`;

describe('POST /users/me/llm/test: one generation through the caller’s own provider', () => {
  let t: TestApp;
  let model: FakeOpenAIServer;
  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    t = await buildTestApp({
      env: {
        SECRETS_KEY: randomBytes(32).toString('base64'),
        USER_LLM_ALLOW_PRIVATE: 'true',
        LLM_TIMEOUT_MS: '5000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await model.close();
  });

  const save = (user: TestUser) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/me/llm',
      headers: user.headers,
      payload: { base_url: model.baseUrl, api_key: KEY, model: 'probe-model' },
    });
  const probe = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users/me/llm/test', headers });

  it('answers ok with the generator and the question, calling the provider with the key', async () => {
    const user = await createUser(t.app);
    expect((await save(user)).statusCode).toBe(200);
    const before = model.requests.length;
    model.reply(QUESTION);
    const res = await probe(user.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      generator: expect.stringContaining('probe-model'),
      message: expect.stringContaining('Which test would you write first'),
    });
    expect(res.body).not.toContain(KEY);
    const sent = model.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.model).toBe('probe-model');
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('classifies a rejected key as 502 MODEL_KEY_REJECTED, without the key in the body', async () => {
    const user = await createUser(t.app);
    await save(user);
    model.reply(failure(401, 'Incorrect API key provided.'));
    const res = await probe(user.headers);
    expect(res.statusCode).toBe(502);
    expect(res.json().detail.code).toBe('MODEL_KEY_REJECTED');
    expect(res.json().detail.message).toEqual(expect.any(String));
    expect(res.body).not.toContain(KEY);
  });

  it('stops at the time budget: 504 MODEL_TIMEOUT', async () => {
    const user = await createUser(t.app);
    await save(user);
    model.replyByDefault({ hang: true });
    try {
      const res = await probe(user.headers);
      expect(res.statusCode).toBe(504);
      expect(res.json().detail.code).toBe('MODEL_TIMEOUT');
    } finally {
      model.replyByDefault(undefined);
    }
  });

  it('answers 404 LLM_SETTINGS_NOT_FOUND without settings of one’s own, and 401 without a login', async () => {
    const user = await createUser(t.app);
    const before = model.requests.length;
    const res = await probe(user.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail.code).toBe('LLM_SETTINGS_NOT_FOUND');
    expect(model.requests.length).toBe(before);
    expect((await probe()).statusCode).toBe(401);
  });
});

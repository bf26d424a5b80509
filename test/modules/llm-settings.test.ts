import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  failure,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../llm/fake-openai-server.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { modelFeedbackReply, STRONG_ANSWER } from '../feedback/support.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';

const QUESTION = completion(
  JSON.stringify({
    question_text: 'Which part of the order service would you change first, and why that part?',
    question_type: 'technical',
    focus: { requirement: 'order service', evidence: null, summary: 'design' },
  }),
);
const KEY = `sk-user-${randomBytes(12).toString('hex')}-tail`;

const put = (t: TestApp, user: TestUser, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/v1/users/me/llm',
    headers: user.headers,
    payload: body,
  });
const get = (t: TestApp, user: TestUser, url = '/api/v1/users/me/llm') =>
  t.app.inject({ method: 'GET', url, headers: user.headers });

describe('a user’s own provider, on a server that allows private addresses', () => {
  let t: TestApp;
  let model: FakeOpenAIServer;
  let logged = '';
  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    t = await buildTestApp({
      env: { SECRETS_KEY: randomBytes(32).toString('base64'), USER_LLM_ALLOW_PRIVATE: 'true' },
      log: sink,
    });
  });
  afterAll(async () => {
    await t.close();
    await model.close();
  });

  it('stores, reads and deletes the settings, showing only the key’s last four characters', async () => {
    const user = await createUser(t.app);
    expect((await get(t, user)).statusCode).toBe(404);
    expect((await get(t, user)).json().detail.code).toBe('LLM_SETTINGS_NOT_FOUND');
    const saved = await put(t, user, { base_url: model.baseUrl, api_key: KEY, model: 'my-model' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      base_url: model.baseUrl,
      model: 'my-model',
      key_hint: 'tail',
      updated_at: expect.stringMatching(/Z$/),
    });
    expect((await get(t, user)).json()).toEqual(saved.json());
    const [row] = await t.deps.db.query<{ api_key_encrypted: string }>(
      'SELECT api_key_encrypted FROM user_llm_settings WHERE user_id = $1',
      [user.id],
    );
    expect(row!.api_key_encrypted).toMatch(/^v1\./);
    expect(row!.api_key_encrypted).not.toContain(KEY);

    // Without a new key the stored one stays for the same address, and is dropped for another.
    const sameUrl = await put(t, user, { base_url: model.baseUrl, model: 'bigger-model' });
    expect(sameUrl.json().key_hint).toBe('tail');
    const otherUrl = await put(t, user, { base_url: 'http://127.0.0.1:9/v1', model: 'x' });
    expect(otherUrl.json().key_hint).toBeNull();

    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/users/me/llm',
      headers: user.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await get(t, user)).statusCode).toBe(404);
  });

  it('answers 422 for a base URL that is not http(s), carries credentials, or a missing model', async () => {
    const user = await createUser(t.app);
    for (const body of [
      { base_url: 'ftp://example.com/v1', model: 'm' },
      { base_url: 'http://me:secret@example.com/v1', model: 'm' },
      { base_url: 'not a url', model: 'm', api_key: KEY },
      { base_url: model.baseUrl },
    ]) {
      const res = await put(t, user, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
      expect(res.body).not.toContain(KEY);
    }
  });

  it('generates that user’s questions with their provider and key; others keep the server’s', async () => {
    const user = await createUser(t.app);
    const other = await createUser(t.app);
    await put(t, user, { base_url: model.baseUrl, api_key: KEY, model: 'my-model' });
    const before = model.requests.length;
    model.reply(QUESTION, failure(401, 'bad key'));

    const mine = (await requestQuestion(t.app, user, (await createSession(t.app, user)).id)).json();
    const theirs = (
      await requestQuestion(t.app, other, (await createSession(t.app, other)).id)
    ).json();
    await t.worker.drain();
    const done = (await getOperation(t.app, user, mine.id)).json();
    expect(done.status).toBe('completed');
    expect(done.result.question_text).toMatch(/order service/);
    expect((await getOperation(t.app, other, theirs.id)).json().result.question_text).toMatch(
      /^Question \d+ about/,
    ); // the harness's fake generator, the server's
    expect(model.requests.length).toBe(before + 1);
    const request = model.requests[before]!;
    expect(request.body.model).toBe('my-model');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);

    // A rejected key fails the operation in words, without the key.
    const failed = (
      await requestQuestion(t.app, user, (await createSession(t.app, user)).id)
    ).json();
    await t.worker.drain();
    const body = (await getOperation(t.app, user, failed.id)).body;
    expect(JSON.parse(body).status).toBe('failed');
    expect(body).not.toContain(KEY);

    const exported = (await get(t, user, '/api/v1/users/me/export')).body;
    expect(JSON.parse(exported).llm_settings[0]).toMatchObject({
      model: 'my-model',
      key_hint: 'tail',
    });
    expect(exported).not.toContain(KEY);
    expect(exported).not.toContain('v1.'); // nor its ciphertext
  });

  it('evaluates that user’s answers with their provider and key as well', async () => {
    const user = await createUser(t.app);
    await put(t, user, { base_url: model.baseUrl, api_key: KEY, model: 'my-model' });
    const session = await createSession(t.app, user);
    model.reply(QUESTION);
    expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(202);
    await t.worker.drain();
    const before = model.requests.length;
    model.reply(modelFeedbackReply());
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/answers`,
      headers: user.headers,
      payload: { content: STRONG_ANSWER },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    await t.worker.drain();
    const feedback = (await get(t, user, `/api/v1/sessions/${session.id}/feedback`)).json();
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ generator: 'openai', status: 'scored' });
    expect(model.requests.length).toBe(before + 1);
    expect(model.requests[before]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('does not follow a redirect from the provider', async () => {
    const user = await createUser(t.app);
    await put(t, user, { base_url: model.baseUrl, model: 'my-model' });
    const before = model.requests.length;
    model.reply({
      status: 302,
      headers: { location: `${model.baseUrl}/chat/completions` },
      body: '',
    });
    const op = (await requestQuestion(t.app, user, (await createSession(t.app, user)).id)).json();
    await t.worker.drain();
    const done = (await getOperation(t.app, user, op.id)).json();
    expect(done.status).toBe('failed');
    expect(done.error_message).toMatch(/redirect/);
    expect(model.requests.length).toBe(before + 1);
  });

  it('never writes the key to a log line', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain(KEY);
  });
});

describe('a user’s own provider with PostgreSQL-mode defaults', () => {
  let t: TestApp;
  let model: FakeOpenAIServer;
  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    // DATABASE_URL only shapes the defaults here (no private addresses, no SECRETS_KEY);
    // the harness hands the app its own database.
    t = await buildTestApp({ env: { DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' } });
  });
  afterAll(async () => {
    await t.close();
    await model.close();
  });

  it('refuses loopback, private, link-local, unique-local and metadata addresses with 422', async () => {
    const user = await createUser(t.app);
    for (const base_url of [
      'http://127.0.0.1:8080/v1',
      'http://localhost:11434/v1',
      'http://0.0.0.0/v1',
      'http://10.1.2.3/v1',
      'http://172.16.0.1/v1',
      'http://192.168.1.10/v1',
      'http://169.254.169.254/latest/meta-data',
      'http://100.100.100.200/v1',
      'http://[::1]/v1',
      'http://[::ffff:127.0.0.1]/v1',
      'http://[fd00:ec2::254]/v1',
      'http://[fe80::1]/v1',
    ]) {
      const res = await put(t, user, { base_url, model: 'm' });
      expect(res.statusCode, base_url).toBe(422);
      expect(res.json().detail.code).toBe('BASE_URL_NOT_ALLOWED');
    }
    expect((await get(t, user)).statusCode).toBe(404);
  });

  it('accepts a public address, but refuses to store a key without SECRETS_KEY', async () => {
    const user = await createUser(t.app);
    const ok = await put(t, user, { base_url: 'https://203.0.113.7/v1', model: 'm' });
    expect(ok.statusCode, ok.body).toBe(200);
    const withKey = await put(t, user, {
      base_url: 'https://203.0.113.7/v1',
      model: 'm',
      api_key: KEY,
    });
    expect(withKey.statusCode).toBe(503);
    expect(withKey.json().detail.code).toBe('SECRETS_KEY_MISSING');
    expect(withKey.body).not.toContain(KEY);
  });

  it('checks the address again when connecting: a name that now resolves to loopback is refused', async () => {
    const user = await createUser(t.app);
    // As if the name resolved to a public address at save time (DNS rebinding).
    const port = new URL(model.baseUrl).port;
    await t.deps.db.query(
      `INSERT INTO user_llm_settings (user_id, base_url, model) VALUES ($1, $2, 'm')`,
      [user.id, `http://localhost:${port}/v1`],
    );
    model.reply(QUESTION);
    const op = (await requestQuestion(t.app, user, (await createSession(t.app, user)).id)).json();
    await t.worker.drain();
    const done = (await getOperation(t.app, user, op.id)).json();
    expect(done.status).toBe('failed');
    expect(done.error_message).toMatch(/not allowed/);
    expect(model.requests).toHaveLength(0);
  });
});

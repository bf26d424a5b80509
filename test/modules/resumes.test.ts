import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, saveResume, type TestUser } from '../support/factories.js';
import { buildDocx, buildPdf, multipartBody } from '../fixtures/resumes/build.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('resume', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const put = (user: TestUser | null, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/me/resume',
      headers: user?.headers ?? {},
      payload: payload as object,
    });
  const get = (user: TestUser | null) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users/me/resume', headers: user?.headers ?? {} });
  const upload = (user: TestUser | null, parts: Parameters<typeof multipartBody>[0]) => {
    const body = multipartBody(parts);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/users/me/resume/file',
      headers: { ...(user?.headers ?? {}), ...body.headers },
      payload: body.payload,
    });
  };
  const file = (filename: string, content: Buffer | string, type?: string) => ({
    name: 'file',
    filename,
    content,
    type,
  });

  describe('PUT /users/me/resume', () => {
    it('stores the text and answers 200 with the resume', async () => {
      const user = await createUser(t.app);
      const res = await put(user, { content: '  Senior engineer. TypeScript, PostgreSQL.  ' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(
        ['content', 'created_at', 'id', 'source_filename', 'updated_at'].sort(),
      );
      expect(body).toMatchObject({
        content: 'Senior engineer. TypeScript, PostgreSQL.',
        source_filename: null,
      });
      expect(body.id).toMatch(UUID);
      expect(body.created_at).toMatch(ISO);
      expect(body.updated_at).toMatch(ISO);
    });

    it('replaces the text of the same resume on a second save', async () => {
      const user = await createUser(t.app);
      const first = await saveResume(t.app, user, 'First version');
      const second = (await put(user, { content: 'Second version' })).json();
      expect(second.id).toBe(first.id);
      expect(second.content).toBe('Second version');
      expect(Date.parse(second.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.updated_at));
      expect((await get(user)).json().content).toBe('Second version');
    });

    it('accepts exactly 50000 characters', async () => {
      const user = await createUser(t.app);
      const res = await put(user, { content: 'a'.repeat(50_000) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().content).toHaveLength(50_000);
    });

    it.each([
      ['empty content', { content: '' }, 'content'],
      ['blank content', { content: '   \n ' }, 'content'],
      ['50001 characters', { content: 'a'.repeat(50_001) }, 'content'],
      ['a missing field', {}, 'content'],
      ['a number', { content: 42 }, 'content'],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, payload, field) => {
      const user = await createUser(t.app);
      const res = await put(user, payload);
      expect(res.statusCode, res.body).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('VALIDATION_ERROR');
      expect(detail.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await get(user)).statusCode).toBe(404);
    });

    it('answers 422 for text with a NUL character instead of failing', async () => {
      const user = await createUser(t.app);
      const res = await put(user, { content: 'a\u0000b' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
    });

    it('answers 401 without a token, before looking at the body', async () => {
      for (const payload of [{ content: 'x' }, {}]) {
        const res = await put(null, payload);
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.json().detail.code).toBe('UNAUTHORIZED');
      }
    });
  });

  describe('GET /users/me/resume', () => {
    it('answers 404 RESUME_NOT_FOUND before the first save', async () => {
      const user = await createUser(t.app);
      const res = await get(user);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        detail: { code: 'RESUME_NOT_FOUND', message: expect.any(String) },
      });
    });

    it("returns the caller's own resume only", async () => {
      const alice = await createUser(t.app);
      const bob = await createUser(t.app);
      const saved = await saveResume(t.app, alice, 'Alice resume');
      const res = await get(alice);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(saved);
      expect((await get(bob)).statusCode).toBe(404);
    });

    it('answers 401 without a token', async () => {
      const res = await get(null);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('POST /users/me/resume/file', () => {
    it('stores the text of a PDF with its file name', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [
        file('jane-doe.pdf', buildPdf(['Jane Doe', 'Staff engineer']), 'application/pdf'),
      ]);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(
        ['content', 'created_at', 'id', 'source_filename', 'updated_at'].sort(),
      );
      expect(body).toMatchObject({
        content: 'Jane Doe\nStaff engineer',
        source_filename: 'jane-doe.pdf',
      });
      expect(body.id).toMatch(UUID);
      expect((await get(user)).json()).toEqual(body);
    });

    it('stores the text of a DOCX', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('cv.docx', buildDocx(['Jane Doe', 'Led a team of 4']))]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        content: 'Jane Doe\n\nLed a team of 4',
        source_filename: 'cv.docx',
      });
    });

    it('stores a UTF-8 text file', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [
        file('cv.txt', 'Zoë Müller\r\nIngénieure\r\n', 'text/plain'),
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        content: 'Zoë Müller\nIngénieure',
        source_filename: 'cv.txt',
      });
    });

    it('goes by the content, not the name: a PDF called .txt is read as a PDF', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('resume.txt', buildPdf(['Jane Doe']), 'text/plain')]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().content).toBe('Jane Doe');
    });

    it('replaces the existing resume, and a later PUT clears the file name', async () => {
      const user = await createUser(t.app);
      const typed = await saveResume(t.app, user, 'Typed by hand');
      const uploaded = (await upload(user, [file('cv.txt', 'From a file')])).json();
      expect(uploaded.id).toBe(typed.id);
      expect(uploaded.source_filename).toBe('cv.txt');
      const retyped = (await put(user, { content: 'Typed again' })).json();
      expect(retyped).toMatchObject({ id: typed.id, source_filename: null });
    });

    it('keeps only the base name of a file name sent with a path', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('C:\\fakepath\\my cv.txt', 'Jane Doe')]);
      expect(res.json().source_filename).toBe('my cv.txt');
    });

    it('answers 413 PAYLOAD_TOO_LARGE for a file over 5 MB and keeps the resume', async () => {
      const user = await createUser(t.app);
      await saveResume(t.app, user, 'Kept');
      const res = await upload(user, [file('big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'))]);
      expect(res.statusCode).toBe(413);
      expect(res.json().detail.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await get(user)).json().content).toBe('Kept');
    });

    it('accepts a file of exactly 5 MB (then judges its text)', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('big.txt', Buffer.alloc(5 * 1024 * 1024, 'a'))]);
      // 5 MB of text is far past 50,000 characters: the size passed, the text did not.
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
    });

    it('answers 413 for more than one file', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('a.txt', 'one'), file('b.txt', 'two')]);
      expect(res.statusCode).toBe(413);
      expect(res.json().detail.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers 415 UNSUPPORTED_MEDIA_TYPE listing PDF, DOCX and TXT for an image', async () => {
      const user = await createUser(t.app);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      const res = await upload(user, [file('me.png', png, 'image/png')]);
      expect(res.statusCode).toBe(415);
      const { detail } = res.json();
      expect(detail.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(detail.message).toMatch(/PDF, DOCX or TXT/);
    });

    it('answers 415 for binary data that only claims to be text', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [
        file('cv.txt', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'text/plain'),
      ]);
      expect(res.statusCode).toBe(415);
      expect(res.json().detail.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers 422 UNREADABLE_FILE for a damaged PDF, suggesting to paste the text', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [
        file('cv.pdf', buildPdf(['Jane']).subarray(0, 60), 'application/pdf'),
      ]);
      expect(res.statusCode).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('UNREADABLE_FILE');
      expect(detail.message).toMatch(/paste the text/i);
    });

    it('answers 422 UNREADABLE_FILE for a PDF without text (a scan)', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('scan.pdf', buildPdf([]), 'application/pdf')]);
      expect(res.statusCode).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('UNREADABLE_FILE');
      expect(detail.message).toMatch(/scanned/);
      expect(detail.message).toMatch(/paste the text/i);
    });

    it('answers 422 UNREADABLE_FILE for an empty file', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('cv.txt', '')]);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.code).toBe('UNREADABLE_FILE');
    });

    it('answers 422 VALIDATION_ERROR when the text is over 50,000 characters', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('long.txt', 'word '.repeat(10_001))]);
      expect(res.statusCode).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('VALIDATION_ERROR');
      expect(detail.errors).toEqual([{ field: 'file', message: expect.stringMatching(/50000/) }]);
      expect((await get(user)).statusCode).toBe(404);
    });

    it.each([
      ['no parts at all', []],
      ['only a text field', [{ name: 'note', value: 'hello' }]],
      ['text in the file field', [{ name: 'file', value: 'hello' }]],
      ['a file under another name', [{ name: 'resume', filename: 'cv.txt', content: 'hello' }]],
    ] as const)('answers 422 VALIDATION_ERROR for %s', async (_label, parts) => {
      const user = await createUser(t.app);
      const res = await upload(user, [...parts]);
      expect(res.statusCode, res.body).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('VALIDATION_ERROR');
      expect(detail.errors.length).toBeGreaterThan(0);
    });

    it('answers 415 or 422 in the error shape for a body that is not multipart', async () => {
      const user = await createUser(t.app);
      const bodies = [
        { headers: { 'content-type': 'application/json' }, payload: '{"file":"x"}' },
        { headers: { 'content-type': 'text/plain' }, payload: 'Jane Doe' },
        { headers: { 'content-type': 'application/pdf' }, payload: buildPdf(['Jane']) },
      ];
      for (const { headers, payload } of bodies) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/users/me/resume/file',
          headers: { ...user.headers, ...headers },
          payload,
        });
        expect([415, 422], res.body).toContain(res.statusCode);
        expect(res.json().detail.code).toBe(
          res.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_ERROR',
        );
      }
    });

    it('answers 401 without a token and stores nothing', async () => {
      const text = `Unauthenticated upload ${Math.random()}`;
      const res = await upload(null, [file('cv.txt', text)]);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json().detail.code).toBe('UNAUTHORIZED');
      const rows = await t.deps.db.query('SELECT 1 FROM resumes WHERE content = $1', [text]);
      expect(rows).toHaveLength(0);
    });

    it('reads a DOCX sent without a telling name or type', async () => {
      const user = await createUser(t.app);
      const res = await upload(user, [file('upload', buildDocx(['Jane Doe']))]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ content: 'Jane Doe', source_filename: 'upload' });
    });

    it('accepts multipart bodies on the resume routes only', async () => {
      const user = await createUser(t.app);
      const body = multipartBody([{ name: 'title', value: 'Engineer' }]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/job-postings',
        headers: { ...user.headers, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().detail.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('is documented as a multipart body with a binary file field', async () => {
      const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const op = spec.paths['/api/v1/users/me/resume/file'].post;
      const schema = op.requestBody.content['multipart/form-data'].schema;
      expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(schema.required).toEqual(['file']);
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['200', '401', '413', '415', '422']),
      );
    });
  });
});

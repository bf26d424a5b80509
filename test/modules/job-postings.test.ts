import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  apiCalls,
  createJobPosting,
  createSession,
  createUser,
  type TestUser,
} from '../support/factories.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('job postings', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  const { call, expectError } = apiCalls(() => t.app);

  describe('POST /job-postings', () => {
    it('answers 201 with every field of the posting', async () => {
      const res = await call('POST', '/job-postings', alice, {
        title: '  Backend Engineer ',
        description: 'Build services.',
        company: 'Acme',
        tech_stack: 'TypeScript, PostgreSQL',
        experience_level: 'senior',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toEqual({
        id: expect.stringMatching(UUID),
        title: 'Backend Engineer',
        company: 'Acme',
        description: 'Build services.',
        tech_stack: 'TypeScript, PostgreSQL',
        experience_level: 'senior',
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
      });
    });

    it('answers null for optional fields not given or given empty', async () => {
      const res = await call('POST', '/job-postings', alice, {
        title: 'Nurse',
        description: 'Night shifts.',
        company: '',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ company: null, tech_stack: null, experience_level: null });
    });

    it.each([
      ['a missing title', { description: 'd' }, 'title'],
      ['an empty title', { title: ' ', description: 'd' }, 'title'],
      ['a missing description', { title: 't' }, 'description'],
      ['a title of 201 characters', { title: 'x'.repeat(201), description: 'd' }, 'title'],
      [
        'a tech stack that is not text',
        { title: 't', description: 'd', tech_stack: ['ts'] },
        'tech_stack',
      ],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, payload, field) => {
      const res = await call('POST', '/job-postings', alice, payload);
      expectError(res, 422, 'VALIDATION_ERROR');
      expect(res.json().detail.errors).toEqual(
        expect.arrayContaining([{ field, message: expect.any(String) }]),
      );
    });

    it('answers 401 without a token, even for an invalid body', async () => {
      for (const payload of [{ title: 't', description: 'd' }, {}]) {
        const res = await call('POST', '/job-postings', null, payload);
        expectError(res, 401, 'UNAUTHORIZED');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });
  });

  describe('GET /job-postings', () => {
    it("lists only the caller's own postings, newest first", async () => {
      const carol = await createUser(t.app);
      const first = await createJobPosting(t.app, carol, { title: 'First' });
      const second = await createJobPosting(t.app, carol, { title: 'Second' });
      await createJobPosting(t.app, bob, { title: 'Not Carol' });
      const res = await call('GET', '/job-postings', carol);
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.map((p: { id: string }) => p.id)).toEqual([second.id, first.id]);
      expect(list[0]).toEqual((await call('GET', `/job-postings/${second.id}`, carol)).json());
    });

    it('answers an empty list for a new user', async () => {
      const dave = await createUser(t.app);
      const res = await call('GET', '/job-postings', dave);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      expectError(await call('GET', '/job-postings', null), 401, 'UNAUTHORIZED');
    });
  });

  describe('GET /job-postings/{id}', () => {
    it('answers 200 with the posting', async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('GET', `/job-postings/${created.id}`, alice);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(created);
    });

    it("answers 404 JOB_POSTING_NOT_FOUND for another user's posting and for an unknown id", async () => {
      const created = await createJobPosting(t.app, alice);
      expectError(
        await call('GET', `/job-postings/${created.id}`, bob),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
      expectError(
        await call('GET', `/job-postings/${randomUUID()}`, alice),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
    });

    it('answers 422 VALIDATION_ERROR for an id that is not a UUID', async () => {
      const res = await call('GET', '/job-postings/not-a-uuid', alice);
      expectError(res, 422, 'VALIDATION_ERROR');
      expect(res.json().detail.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
    });

    it('answers 401 without a token, even for an id that is not a UUID', async () => {
      expectError(await call('GET', `/job-postings/${randomUUID()}`, null), 401, 'UNAUTHORIZED');
      expectError(await call('GET', '/job-postings/not-a-uuid', null), 401, 'UNAUTHORIZED');
    });
  });

  describe('PATCH /job-postings/{id}', () => {
    it('changes only the fields sent', async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('PATCH', `/job-postings/${created.id}`, alice, {
        title: 'Staff Engineer',
      });
      expect(res.statusCode, res.body).toBe(200);
      const updated = res.json();
      expect(updated).toEqual({
        ...created,
        title: 'Staff Engineer',
        updated_at: expect.stringMatching(ISO),
      });
      expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(
        Date.parse((created as unknown as { updated_at: string }).updated_at),
      );
      expect((await call('GET', `/job-postings/${created.id}`, alice)).json()).toEqual(updated);
    });

    it('clears an optional field set to null', async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('PATCH', `/job-postings/${created.id}`, alice, {
        company: null,
        tech_stack: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        company: null,
        tech_stack: null,
        experience_level: 'senior',
        title: created.title,
      });
    });

    it('returns the posting unchanged for an empty patch', async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('PATCH', `/job-postings/${created.id}`, alice, {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(created);
    });

    it.each([
      ['a null title', { title: null }, 'title'],
      ['an empty description', { description: '' }, 'description'],
      ['an unknown field', { salary: 100 }, 'body'],
    ])(
      'answers 422 VALIDATION_ERROR for %s and changes nothing',
      async (_label, payload, field) => {
        const created = await createJobPosting(t.app, alice);
        const res = await call('PATCH', `/job-postings/${created.id}`, alice, payload);
        expectError(res, 422, 'VALIDATION_ERROR');
        expect(res.json().detail.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect((await call('GET', `/job-postings/${created.id}`, alice)).json()).toEqual(created);
      },
    );

    it("answers 404 for another user's posting and leaves it unchanged", async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('PATCH', `/job-postings/${created.id}`, bob, { title: 'Mine now' });
      expectError(res, 404, 'JOB_POSTING_NOT_FOUND');
      const empty = await call('PATCH', `/job-postings/${created.id}`, bob, {});
      expectError(empty, 404, 'JOB_POSTING_NOT_FOUND');
      expect((await call('GET', `/job-postings/${created.id}`, alice)).json().title).toBe(
        created.title,
      );
    });

    it('answers 422 for an id that is not a UUID and 401 without a token', async () => {
      expectError(
        await call('PATCH', '/job-postings/123', alice, { title: 'x' }),
        422,
        'VALIDATION_ERROR',
      );
      expectError(
        await call('PATCH', `/job-postings/${randomUUID()}`, null, { title: 'x' }),
        401,
        'UNAUTHORIZED',
      );
    });
  });

  describe('DELETE /job-postings/{id}', () => {
    it('answers 204 with no body, then the posting is gone', async () => {
      const created = await createJobPosting(t.app, alice);
      const res = await call('DELETE', `/job-postings/${created.id}`, alice);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expectError(
        await call('GET', `/job-postings/${created.id}`, alice),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
      expectError(
        await call('DELETE', `/job-postings/${created.id}`, alice),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
    });

    it("answers 404 for another user's posting and keeps it", async () => {
      const created = await createJobPosting(t.app, alice);
      expectError(
        await call('DELETE', `/job-postings/${created.id}`, bob),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
      expect((await call('GET', `/job-postings/${created.id}`, alice)).statusCode).toBe(200);
    });

    it('deletes a posting with its interviews and their transcripts', async () => {
      const created = await createJobPosting(t.app, alice);
      const session = await createSession(t.app, alice, created.id);
      const res = await call('DELETE', `/job-postings/${created.id}`, alice);
      expect(res.statusCode).toBe(204);
      expectError(await call('GET', `/sessions/${session.id}`, alice), 404, 'SESSION_NOT_FOUND');
      expectError(
        await call('GET', `/job-postings/${created.id}`, alice),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
    });

    it('answers 422 for an id that is not a UUID and 401 without a token', async () => {
      expectError(await call('DELETE', '/job-postings/nope', alice), 422, 'VALIDATION_ERROR');
      expectError(await call('DELETE', `/job-postings/${randomUUID()}`, null), 401, 'UNAUTHORIZED');
    });
  });
});

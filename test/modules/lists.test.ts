import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJobPosting,
  createSession,
  createUser,
  type TestUser,
} from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/harness.js';

// 250 rows over a few distinct timestamps: ties (broken by id) and microseconds both matter.
const SPREAD = `now() - ((g % 7) * interval '1 microsecond') - ((g % 3) * interval '1 second')`;

function nextLink(link: string | string[] | undefined): string | undefined {
  if (link === undefined) return undefined;
  const match = /^<([^>]*)>; rel="next"$/.exec(String(link));
  expect(match, String(link)).not.toBeNull();
  return match![1];
}

describe('lists: ?limit, Link rel="next", caps', () => {
  let t: TestApp;
  let user: TestUser;
  let sessionId: string;
  const sql = (text: string, params: unknown[]) => t.deps.db.query<{ id: string }>(text, params);

  /** Follows rel="next" from `url`; returns every id seen and each page's size. */
  async function pageThrough(url: string) {
    const ids: string[] = [];
    const sizes: number[] = [];
    for (let next: string | undefined = url; next;) {
      const res = await t.app.inject({ method: 'GET', url: next, headers: user.headers });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json() as { id: string }[];
      ids.push(...items.map((i) => i.id));
      sizes.push(items.length);
      next = nextLink(res.headers.link);
      if (next) expect(next).toMatch(/^\/api\/v1\/[^?]+\?limit=100&cursor=[\w-]+$/);
    }
    return { ids, sizes };
  }

  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
    const posting = await createJobPosting(t.app, user);
    sessionId = (await createSession(t.app, user, posting.id)).id;
    await sql(
      `INSERT INTO job_postings (user_id, title, description, created_at)
       SELECT $1, 'Posting ' || g, 'Description', ${SPREAD} FROM generate_series(1, 249) g`,
      [user.id],
    );
    await sql(
      `INSERT INTO interview_sessions (user_id, job_posting_id, created_at)
       SELECT $1, $2, ${SPREAD} FROM generate_series(1, 249) g`,
      [user.id, posting.id],
    );
    await sql(
      `INSERT INTO messages (session_id, role, content)
       SELECT $1, 'interviewer', 'Question ' || g FROM generate_series(1, 250) g`,
      [sessionId],
    );
  });
  afterAll(() => t.close());

  it.each([
    ['job postings', '/api/v1/job-postings', 'job_postings', 'created_at DESC, id DESC'],
    ['sessions', '/api/v1/sessions', 'interview_sessions', 'created_at DESC, id DESC'],
  ])(
    'pages through 250 %s with limit 100: each once, newest first',
    async (_, url, table, order) => {
      const expected = await sql(`SELECT id FROM ${table} WHERE user_id = $1 ORDER BY ${order}`, [
        user.id,
      ]);
      expect(expected).toHaveLength(250);
      const { ids, sizes } = await pageThrough(`${url}?limit=100`);
      expect(sizes).toEqual([100, 100, 50]);
      expect(ids).toEqual(expected.map((r) => r.id));
    },
  );

  it('pages through 250 messages with limit 100: each once, oldest first', async () => {
    const expected = await sql('SELECT id FROM messages WHERE session_id = $1 ORDER BY seq', [
      sessionId,
    ]);
    const { ids, sizes } = await pageThrough(`/api/v1/sessions/${sessionId}/messages?limit=100`);
    expect(sizes).toEqual([100, 100, 50]);
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it('answers the defaults: 100 postings and sessions, 500 messages, and no Link on the last page', async () => {
    for (const [url, size, more] of [
      ['/api/v1/job-postings', 100, true],
      ['/api/v1/sessions', 100, true],
      [`/api/v1/sessions/${sessionId}/messages`, 250, false],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: user.headers });
      expect(res.json()).toHaveLength(size);
      expect(res.headers.link === undefined, url).toBe(!more);
    }
  });

  it('answers 422 VALIDATION_ERROR for a bad limit or cursor', async () => {
    const postings = '/api/v1/job-postings';
    const messagesPage = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${sessionId}/messages?limit=1`,
      headers: user.headers,
    });
    const messagesCursor = new URL(nextLink(messagesPage.headers.link)!, 'http://x').searchParams;
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=abc',
      'limit=1.5',
      'limit=-1',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('["job-postings","yesterday","x"]').toString('base64url')}`,
      `cursor=${messagesCursor.get('cursor')}`, // another list's cursor
      `cursor=${'A'.repeat(400)}`,
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${postings}?${query}`,
        headers: user.headers,
      });
      expect(res.statusCode, query).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('caps on what one user keeps', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { MAX_JOB_POSTINGS_PER_USER: '3', MAX_SESSIONS_PER_USER: '2' } });
  });
  afterAll(() => t.close());

  it('answers 409 LIMIT_REACHED past the postings cap, for that user only, and again after a delete', async () => {
    const alice = await createUser(t.app);
    const postings = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/job-postings',
          headers: alice.headers,
          payload: { title: 'T', description: 'D' },
        }),
      ),
    );
    const statuses = postings.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409]); // concurrent creations cannot pass it
    const refused = postings.find((r) => r.statusCode === 409)!;
    expect(refused.json().detail.code).toBe('LIMIT_REACHED');
    await createJobPosting(t.app, await createUser(t.app)); // another user is not limited

    const first = postings.find((r) => r.statusCode === 201)!.json().id;
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/job-postings/${first}`,
      headers: alice.headers,
    });
    expect(del.statusCode).toBe(204);
    await createJobPosting(t.app, alice);
  });

  it('answers 409 LIMIT_REACHED past the sessions cap', async () => {
    const bob = await createUser(t.app);
    const posting = await createJobPosting(t.app, bob);
    await createSession(t.app, bob, posting.id);
    await createSession(t.app, bob, posting.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: bob.headers,
      payload: { job_posting_id: posting.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail.code).toBe('LIMIT_REACHED');
  });
});

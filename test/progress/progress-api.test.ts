import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createSession,
  createUser,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { api, STRONG_ANSWER } from '../feedback/support.js';
import type { Database } from '../../src/platform/db/client.js';
import { createProgressRepository } from '../../src/modules/progress/progress.repository.js';
import { createProgressService } from '../../src/modules/progress/progress.service.js';

const VAGUE = 'I think we usually just try our best with the services and it mostly works out.';
const DESCRIPTION =
  'Requirements:\n- Design REST APIs in TypeScript\n- Tune PostgreSQL queries\n' +
  '- Mentor junior engineers\n- Run services on Kubernetes';
const REQS = [
  'designing REST APIs in TypeScript',
  'Tune PostgreSQL queries',
  'mentoring junior engineers',
  'running services on Kubernetes',
];
const RANK: Record<string, number> = { untested: 0, absent: 1, mentioned: 2, demonstrated: 3 };

interface Report {
  overall_score: number | null;
  criteria: { key: string; mean_level: number | null }[];
  requirements: { text: string; status: string }[];
}

describe('progress across interviews', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let alice: TestUser;
  let bob: TestUser;
  let h: ReturnType<typeof api>;
  let postingId: string;
  const sessionIds: string[] = [];
  const reports: Report[] = [];
  const ask = (requirement: string) =>
    generator.then({
      questionText: `Tell me about ${requirement}.`,
      questionType: 'experience',
      focus: { requirement, evidence: null, summary: 'scripted' },
    });

  async function interview(turns: { requirement: string; answers: string[] }[]) {
    const session = await createSession(t.app, alice, postingId);
    for (const turn of turns) {
      ask(turn.requirement);
      const first = await h.answerNext(alice, session.id, turn.answers[0]);
      const messages = (await h.call('GET', `/sessions/${session.id}/messages`, alice)).json();
      const question = messages.find((m: { id: string }) => m.id === first.id).reply_to;
      for (const content of turn.answers.slice(1)) {
        const res = await h.call('POST', `/sessions/${session.id}/answers`, alice, {
          content,
          question_message_id: question,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    await t.worker.drain();
    expect((await h.call('POST', `/sessions/${session.id}/complete`, alice)).statusCode).toBe(200);
    await t.worker.drain();
    const report = await h.call('GET', `/sessions/${session.id}/report`, alice);
    expect(report.statusCode, report.body).toBe(200);
    sessionIds.push(session.id);
    reports.push(report.json());
  }

  beforeAll(async () => {
    generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    h = api(t);
    alice = await createUser(t.app);
    bob = await createUser(t.app);
    postingId = (await createJobPosting(t.app, alice, { description: DESCRIPTION })).id;
    await interview([
      { requirement: REQS[0]!, answers: [VAGUE] },
      { requirement: REQS[1]!, answers: [STRONG_ANSWER] },
    ]);
    await interview([{ requirement: REQS[0]!, answers: [STRONG_ANSWER, VAGUE] }]);
    await interview([{ requirement: REQS[1]!, answers: [VAGUE] }]);
  });
  afterAll(() => t.close());

  it("per posting: each session's score over time, best and latest status, attempts, criteria points", async () => {
    const res = await h.call('GET', `/job-postings/${postingId}/progress`, alice);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.job_posting_id).toBe(postingId);
    expect(body.sessions.map((s: { session_id: string }) => s.session_id)).toEqual(sessionIds);
    expect(body.sessions.map((s: { overall_score: number }) => s.overall_score)).toEqual(
      reports.map((r) => r.overall_score),
    );
    expect(reports.every((r) => r.overall_score !== null)).toBe(true);
    for (const s of body.sessions) {
      expect(s).toMatchObject({ status: 'completed', answered: expect.any(Number) });
      expect(Date.parse(s.completed_at)).toBeGreaterThanOrEqual(Date.parse(s.created_at));
    }
    expect(body.sessions.map((s: { answered: number }) => s.answered)).toEqual([2, 1, 1]);

    const statusIn = (r: Report, text: string) =>
      r.requirements.find((x) => x.text === text)?.status ?? 'untested';
    for (const text of REQS) {
      const statuses = reports.map((r) => statusIn(r, text));
      const best = statuses.reduce((a, b) => (RANK[b]! > RANK[a]! ? b : a), 'untested');
      const asked = statuses.filter((s) => s !== 'untested');
      expect(body.requirements.find((r: { text: string }) => r.text === text)).toEqual({
        text,
        best_status: best,
        first_status: asked[0] ?? 'untested',
        latest_status: asked.at(-1) ?? 'untested',
        attempts: { [REQS[0]!]: 3, [REQS[1]!]: 2 }[text] ?? 0,
      });
    }
    // Asked in every session, so never untested once answered.
    expect(body.requirements[0].latest_status).not.toBe('untested');
    // Shown well in the first interview, not in the third: best and latest part ways, and the
    // first status says which way it went.
    expect(body.requirements[1]).toMatchObject({
      best_status: 'demonstrated',
      first_status: 'demonstrated',
      latest_status: 'absent',
    });
    expect(body.requirements[2]).toMatchObject({ best_status: 'untested', attempts: 0 });

    expect(body.criteria.map((c: { key: string }) => c.key)).toEqual(
      reports[0]!.criteria.map((c) => c.key),
    );
    for (const c of body.criteria) {
      expect(c.points).toEqual(
        reports.map((r, i) => ({
          session_id: sessionIds[i],
          mean_level: r.criteria.find((x) => x.key === c.key)!.mean_level,
        })),
      );
    }
  });

  it('overall: sessions, latest and best score per posting; every posting of the caller', async () => {
    const other = await createJobPosting(t.app, alice, { title: 'Café Développeur' });
    await createSession(t.app, alice, other.id);
    const res = await h.call('GET', '/progress', alice);
    expect(res.statusCode, res.body).toBe(200);
    const scores = reports.map((r) => r.overall_score!);
    expect(res.json().job_postings).toEqual([
      {
        job_posting_id: other.id,
        title: 'Café Développeur',
        company: 'Acme',
        sessions: 1,
        latest_score: null,
        best_score: null,
      },
      {
        job_posting_id: postingId,
        title: 'Backend Engineer',
        company: 'Acme',
        sessions: 3,
        latest_score: scores[2],
        best_score: Math.max(...scores),
      },
    ]);
    const empty = (await h.call('GET', `/job-postings/${other.id}/progress`, alice)).json();
    expect(empty.sessions).toEqual([
      expect.objectContaining({ answered: 0, overall_score: null, completed_at: null }),
    ]);
    expect(empty.criteria.every((c: { points: unknown[] }) => c.points.length === 0)).toBe(true);
    expect((await h.call('GET', '/progress', bob)).json()).toEqual({ job_postings: [] });
  });

  it('compares only reports of the current rubric', async () => {
    const before = (await h.call('GET', `/job-postings/${postingId}/progress`, alice)).json();
    await t.deps.db.query(
      `INSERT INTO session_reports (user_id, session_id, questions, answered, scored, overall_score,
         rating, summary, criteria, requirements, strengths, improvements, practice_next,
         generator, rubric_version)
       SELECT user_id, session_id, questions, answered, scored, 100, 'strong', summary, criteria,
              requirements, strengths, improvements, practice_next, generator, rubric_version + 1
         FROM session_reports WHERE session_id = $1`,
      [sessionIds[0]],
    );
    expect((await h.call('GET', `/job-postings/${postingId}/progress`, alice)).json()).toEqual(
      before,
    );
    const overview = (await h.call('GET', '/progress', alice)).json();
    const mine = overview.job_postings.find(
      (p: { job_posting_id: string }) => p.job_posting_id === postingId,
    );
    expect(mine.best_score).toBe(Math.max(...reports.map((r) => r.overall_score!)));
  });

  it('reads in a constant number of queries, whatever the number of sessions', async () => {
    let count = 0;
    const counting: Pick<Database, 'query'> = {
      query: (...args: Parameters<Database['query']>) => {
        count += 1;
        return t.deps.db.query(...args);
      },
    } as Pick<Database, 'query'>;
    const service = createProgressService({ progress: createProgressRepository(counting) });
    const single = await createJobPosting(t.app, alice, { description: DESCRIPTION });
    await createSession(t.app, alice, single.id);
    await service.forPosting(single.id, alice.id);
    const forOne = count;
    count = 0;
    const many = await service.forPosting(postingId, alice.id);
    expect(many.sessions).toHaveLength(3);
    expect(count).toBe(forOne);
    expect(count).toBeLessThanOrEqual(3);
    count = 0;
    await service.overview(alice.id);
    expect(count).toBe(1);
  });

  it("answers 404 JOB_POSTING_NOT_FOUND for another user's posting, 422 for a bad id, 401 without a token", async () => {
    h.expectError(
      await h.call('GET', `/job-postings/${postingId}/progress`, bob),
      404,
      'JOB_POSTING_NOT_FOUND',
    );
    h.expectError(
      await h.call('GET', '/job-postings/not-a-uuid/progress', alice),
      422,
      'VALIDATION_ERROR',
    );
    expect((await h.call('GET', `/job-postings/${postingId}/progress`, null)).statusCode).toBe(401);
    expect((await h.call('GET', '/progress', null)).statusCode).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createSession,
  createUser,
  saveResume,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { createResponseChecker, fetchOpenApi } from '../support/openapi-document.js';
import { api } from './support.js';

const ACCENTED_ANSWER =
  'When José asked me to lead the Zürich migration in 2023, I was still the naïve new hire on the Ærø team. ' +
  'I profiled the slow queries in PostgreSQL, added two indexes and moved the retries into a queue. ' +
  'I also wrote a load test and ran it every night. As a result, p99 latency fell from 900 ms to 120 ms.';
const BETTER_ANSWER =
  'In 2024 I owned the order service for José in Zürich when it kept timing out before the sale. ' +
  'I measured every query, rewrote the two slowest ones and added a queue for the retries. ' +
  'I ran a load test each night with 5,000 users. As a result, checkout errors fell from 4% to 0.2%.';
const INJECTION_ANSWER =
  '# Heading\n[click me](javascript:alert(1)) <img src=x onerror="alert(1)"> ![pic](http://x.test/a.png)\n' +
  '1. not a list\n- nor this\n\n' +
  'I profiled the slow queries in PostgreSQL for the checkout team and added two indexes myself. ' +
  'As a result, p99 latency fell from 900 ms to 120 ms within one week of the change.';
const LONG_TAIL = 'This closing sentence sits past the cut, near the end of the long answer.';
const LONG_ANSWER = `${ACCENTED_ANSWER} `.repeat(18) + LONG_TAIL;

const QUESTIONS = [
  'How did you speed up the order service for the team in Zürich?',
  'What would you do first with a slow PostgreSQL query?',
  'Tell me about a change you measured in production.',
  'Describe the longest project you have led.',
];

const question = (questionText: string) => ({
  questionText,
  questionType: 'technical' as const,
  focus: { requirement: 'PostgreSQL', evidence: null, summary: 'scripted' },
});

/** Normalised text of a PDF, read back the way a reader would extract it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('report downloads as Markdown and PDF', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let h: ReturnType<typeof api>;
  let sessionId: string;
  let report: {
    overall_score: number | null;
    rating: string | null;
    created_at: string;
    requirements: { text: string; status: string }[];
  };
  let answers: Record<'accented' | 'none' | 'injection' | 'long' | 'retry', string>;
  let check: ReturnType<typeof createResponseChecker>;

  beforeAll(async () => {
    const generator = new FakeGenerator().then(...QUESTIONS.map(question));
    t = await buildTestApp({ generator });
    h = api(t);
    check = createResponseChecker(await fetchOpenApi(t.app));
    alice = await createUser(t.app);
    bob = await createUser(t.app);
    await saveResume(t.app, alice, 'José Müller, backend engineer in Zürich. PostgreSQL, queues.');
    const posting = await createJobPosting(t.app, alice, {
      title: 'Ingénieur backend',
      company: 'Café Zürich AG',
      description: 'Own our order service. Experience with PostgreSQL and queues.',
      tech_stack: 'TypeScript, PostgreSQL',
    });
    sessionId = (await createSession(t.app, alice, posting.id)).id;
    const accented = await h.answerNext(alice, sessionId, ACCENTED_ANSWER);
    const none = await h.answerNext(alice, sessionId, "I don't know.");
    const injection = await h.answerNext(alice, sessionId, INJECTION_ANSWER);
    const long = await h.answerNext(alice, sessionId, LONG_ANSWER);
    const messages = (await h.call('GET', `/sessions/${sessionId}/messages`, alice)).json();
    const retry = await h.call('POST', `/sessions/${sessionId}/answers`, alice, {
      content: BETTER_ANSWER,
      question_message_id: messages[0].id,
    });
    expect(retry.statusCode, retry.body).toBe(201);
    answers = {
      accented: accented.id,
      none: none.id,
      injection: injection.id,
      long: long.id,
      retry: retry.json().id,
    };
    expect((await h.call('POST', `/sessions/${sessionId}/complete`, alice)).statusCode).toBe(200);
    await t.worker.drain();
    const res = await h.call('GET', `/sessions/${sessionId}/report`, alice);
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
  });
  afterAll(() => t.close());

  const download = (user: TestUser, id: string, kind: 'md' | 'pdf') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${id}/report.${kind}`,
      headers: user.headers,
    });

  it('sends the Markdown document as an attachment with a safe ASCII file name', async () => {
    const res = await download(alice, sessionId, 'md');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="interview-report-ingenieur-backend-${report.created_at.slice(0, 10)}.md"`,
    );
    const url = `/api/v1/sessions/${sessionId}/report.md`;
    expect(check('GET', url, 200, res.body, String(res.headers['content-type']))).toEqual([]);
  });

  it('holds the posting, the date, the score, the requirement table, every question, answer and quote', async () => {
    const md = (await download(alice, sessionId, 'md')).body;
    expect(md).toContain('# Interview report: Ingénieur backend');
    expect(md).toContain('Job posting: Ingénieur backend at Café Zürich AG');
    expect(md).toContain(`Date: ${report.created_at.slice(0, 10)}`);
    expect(report.overall_score).not.toBeNull();
    expect(md).toContain(`Overall score: ${report.overall_score}/100 (${report.rating})`);

    const rows = md
      .split('\n')
      .filter((l) => /^\| .* \| (demonstrated|mentioned|absent|untested) \|$/.test(l));
    expect(rows).toHaveLength(report.requirements.length);
    expect(report.requirements.length).toBeGreaterThan(0);
    for (const r of report.requirements.filter((r) => /^[\w ,.'-]+$/.test(r.text))) {
      expect(md).toContain(`| ${r.text} | ${r.status} |`);
    }

    for (const q of QUESTIONS) expect(md).toContain(q);
    expect(md).toContain(`> ${ACCENTED_ANSWER}`);
    expect(md).toContain(`> ${BETTER_ANSWER}`);
    expect(md).toContain(LONG_TAIL); // the Markdown keeps long answers whole
    // Attempts in the order given, under their question.
    const first = md.indexOf('Answer 1 of 2');
    expect(first).toBeGreaterThan(md.indexOf(QUESTIONS[0]!));
    expect(md.indexOf(ACCENTED_ANSWER)).toBeGreaterThan(first);
    expect(md.indexOf('Answer 2 of 2')).toBeGreaterThan(md.indexOf(ACCENTED_ANSWER));
    expect(md.indexOf(BETTER_ANSWER)).toBeGreaterThan(md.indexOf('Answer 2 of 2'));
    expect(md.indexOf(BETTER_ANSWER)).toBeLessThan(md.indexOf(QUESTIONS[1]!));

    // Every answer's feedback, with its quoted evidence.
    const feedback = (await h.call('GET', `/sessions/${sessionId}/feedback`, alice)).json() as {
      answer_message_id: string;
      status: string;
      score: number | null;
      summary: string;
      criteria: { evidence: { quote: string }[] }[];
      strengths: { evidence: { quote: string }[] }[];
    }[];
    expect(new Set(feedback.map((f) => f.answer_message_id))).toEqual(
      new Set(Object.values(answers)),
    );
    const quotes = feedback
      .filter((f) => f.answer_message_id !== answers.injection)
      .flatMap((f) =>
        [...f.criteria, ...f.strengths].flatMap((c) => c.evidence.map((e) => e.quote)),
      );
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(md).toContain(`“${q.trim()}”`);
    for (const f of feedback.filter((f) => f.status === 'scored')) {
      expect(md).toContain(`Feedback: ${f.score}/100`);
    }
  });

  it('shows a not-scored answer as not scored, with no number', async () => {
    const md = (await download(alice, sessionId, 'md')).body;
    const section = md.slice(md.indexOf(QUESTIONS[1]!), md.indexOf(QUESTIONS[2]!));
    expect(section).toContain("> I don't know.");
    expect(section).toContain('**Feedback: not scored.**');
    expect(section).not.toMatch(/\d+\/100/);
  });

  it('escapes Markdown in answers: no heading, link, image or HTML comes from them', async () => {
    const md = (await download(alice, sessionId, 'md')).body;
    expect(md).toContain('> \\# Heading');
    expect(md).toContain('\\[click me\\](javascript:alert(1))');
    expect(md).toContain('\\<img src=x onerror="alert(1)"\\>');
    expect(md).toContain('> 1\\. not a list');
    expect(md).toContain('> \\- nor this');

    const tokens = new MarkdownIt({ html: true }).parse(md, {});
    const all = tokens.flatMap((tok) => [tok, ...(tok.children ?? [])]);
    const types = new Set(all.map((tok) => tok.type));
    for (const type of ['link_open', 'image', 'html_inline', 'html_block', 'ordered_list_open']) {
      expect(types.has(type), type).toBe(false);
    }
    const headings = tokens
      .map((tok, i) => (tok.type === 'heading_open' ? tokens[i + 1]!.content : null))
      .filter((text): text is string => text !== null);
    expect(headings.some((text) => text.includes('Heading'))).toBe(false);
    expect(headings).toContain('Question 3 (technical)');
  });

  it('sends the same document as a PDF in an embedded font: questions and accented text read back', async () => {
    const res = await download(alice, sessionId, 'pdf');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="interview-report-ingenieur-backend-${report.created_at.slice(0, 10)}.pdf"`,
    );
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2'); // a TrueType font inside the file
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter/);
    expect(raw).not.toContain('/Helvetica');

    const text = await pdfText(bytes);
    for (const q of QUESTIONS) expect(text).toContain(q);
    for (const word of ['José', 'Zürich', 'Ærø', 'naïve', 'Ingénieur backend', 'Café Zürich AG']) {
      expect(text).toContain(word);
    }
    expect(text).toContain(`Overall score: ${report.overall_score}/100`);
    expect(text).toContain('Feedback: Not scored');
    expect(text).toContain('[click me](javascript:alert(1))'); // as text, nothing more
    // A very long answer is cut with a visible note; the Markdown has it whole.
    expect(text).toMatch(
      /\[Cut here: \d+ more characters\. The Markdown download has the whole answer\.\]/,
    );
    expect(text).not.toContain(LONG_TAIL);
    const url = `/api/v1/sessions/${sessionId}/report.pdf`;
    expect(check('GET', url, 200, '', String(res.headers['content-type']))).toEqual([]);
  });

  it('answers 404 REPORT_NOT_FOUND before any report, for another user and for no session', async () => {
    const open = await createSession(t.app, alice);
    await h.answerNext(alice, open.id);
    await t.worker.drain();
    for (const kind of ['md', 'pdf'] as const) {
      const url = `/api/v1/sessions/${open.id}/report.${kind}`;
      for (const [user, id] of [
        [alice, open.id],
        [bob, sessionId],
        [alice, randomUUID()],
      ] as const) {
        const res = await download(user, id, kind);
        h.expectError(res, 404, 'REPORT_NOT_FOUND');
        expect(check('GET', url, 404, res.body, String(res.headers['content-type']))).toEqual([]);
      }
      h.expectError(
        await h.call('GET', `/sessions/nope/report.${kind}`, alice),
        422,
        'VALIDATION_ERROR',
      );
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
    }
    // Bob's view of the JSON report is the same 404.
    h.expectError(
      await h.call('GET', `/sessions/${sessionId}/report`, bob),
      404,
      'REPORT_NOT_FOUND',
    );
  });
});

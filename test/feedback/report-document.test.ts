import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { FeedbackRow, ReportRow } from '../../src/modules/feedback/feedback.repository.js';
import {
  buildReportDocument,
  MAX_DOCUMENT_QUESTIONS,
  reportFileName,
  type ReportSource,
} from '../../src/modules/feedback/report-export/report-document.js';
import {
  inline,
  renderReportMarkdown,
} from '../../src/modules/feedback/report-export/report-markdown.js';
import {
  answerLimit,
  PDF_ANSWER_MAX,
  toPdfInput,
} from '../../src/modules/feedback/report-export/report-pdf-input.js';
import { createReportRenderer } from '../../src/modules/feedback/report-export/report-renderer.js';

const KEYS = ['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const;

function feedbackRow(answerId: string, text: string, overrides: Partial<FeedbackRow> = {}) {
  const span = { quote: text, start: 0, end: text.length };
  return {
    id: `f-${answerId}`,
    seq: 1,
    session_id: 's',
    question_message_id: 'q',
    answer_message_id: answerId,
    status: 'scored',
    answer_class: 'substantive',
    score: 71,
    rating: 'solid',
    summary: text,
    criteria: KEYS.map((key) => ({ key, level: 2, comment: text, evidence: [span] })),
    strengths: [{ text, evidence: [span] }],
    improvements: [{ text }],
    requirement: { text, status: 'mentioned' },
    example_answer: null,
    generator: 'offline',
    rubric_version: 1,
    created_at: new Date('2026-12-01T10:00:00Z'),
    ...overrides,
  } as FeedbackRow;
}

/** A report whose every text a person or a model could have written is `text`. */
function sourceWith(text: string, questions = 2): ReportSource {
  const report = {
    id: 'r',
    session_id: 's',
    questions,
    answered: questions,
    scored: questions,
    overall_score: 64,
    rating: 'solid',
    summary: text,
    criteria: KEYS.map((key) => ({ key, mean_level: 1.5, n: 2 })),
    requirements: [{ text, status: 'mentioned' }],
    strengths: [],
    improvements: [],
    practice_next: [{ requirement: text, reason: text }],
    generator: 'offline',
    rubric_version: 1,
    created_at: new Date('2026-12-01T10:00:00Z'),
  } as ReportRow;
  const qs = Array.from({ length: questions }, (_, i) => ({
    id: `q${i}`,
    content: text,
    question_type: 'behavioral',
    requirement: text,
    answers: [{ id: `a${i}`, content: text, created_at: new Date('2026-12-01T09:00:00Z') }],
  }));
  return {
    report,
    posting: { title: text, company: text },
    questions: qs,
    feedback: qs.map((q) => feedbackRow(q.answers[0]!.id, text)),
  };
}

const md = new MarkdownIt({ html: true });
const squash = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

// Letters with the characters Markdown and HTML give a meaning to, lines and blanks.
const risky = fc.stringMatching(/^[a-zA-Z0-9 \n\t#*_`[\]()<>!|~&\\:/.=+\-"'é]{0,80}$/);

describe('the Markdown of a report', () => {
  it('keeps any text as text: inline parsing gives back exactly its characters', () => {
    fc.assert(
      fc.property(risky, (text) => {
        const tokens = md.parseInline(inline(text), {})[0]!.children!;
        const kinds = new Set(tokens.map((t) => t.type));
        for (const kind of kinds) expect(['text', 'softbreak'], kind).toContain(kind);
        expect(squash(tokens.map((t) => (t.type === 'text' ? t.content : ' ')).join(''))).toBe(
          squash(text),
        );
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it('never lets a text add a heading, list, link, image, code, HTML or rule to the document', () => {
    const fixed = md.parse(renderReportMarkdown(buildReportDocument(sourceWith('plain'))), {});
    const count = (tokens: ReturnType<typeof md.parse>, type: string) =>
      tokens.filter((t) => t.type === type).length;
    fc.assert(
      // Never blank: an empty text rightly shows no quote, which changes the count of lists.
      fc.property(risky, (risk) => {
        const text = `${risk} end`;
        const tokens = md.parse(renderReportMarkdown(buildReportDocument(sourceWith(text))), {});
        const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
        for (const type of ['heading_open', 'bullet_list_open', 'table_open', 'blockquote_open']) {
          expect(count(tokens, type), type).toBe(count(fixed, type));
        }
        for (const type of [
          'link_open',
          'image',
          'code_inline',
          'code_block',
          'fence',
          'html_inline',
          'html_block',
          'hr',
          'ordered_list_open',
          'em_open',
          's_open',
        ]) {
          expect(
            all.some((t) => t.type === type),
            type,
          ).toBe(false);
        }
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('shows a not-scored answer as not scored even if a number was stored beside it', () => {
    const source = sourceWith('An answer.');
    source.report.overall_score = null;
    source.feedback[0] = feedbackRow('a0', 'An answer.', {
      status: 'not_scored',
      score: 55,
      rating: 'developing',
    });
    const doc = buildReportDocument(source);
    expect(doc.overall).toMatchObject({ score: null, rating: null });
    expect(doc.questions[0]!.attempts[0]!.feedback).toMatchObject({ score: null, rating: null });
    const text = renderReportMarkdown(doc);
    expect(text).toContain('- Overall score: not scored');
    expect(text).toContain('**Feedback: not scored.**');
    expect(text).not.toContain('55/100');
  });

  it('says when an answer has no stored feedback and when questions are left out', () => {
    const source = sourceWith('An answer.', 1);
    source.feedback = [];
    source.report.questions = MAX_DOCUMENT_QUESTIONS + 3;
    const text = renderReportMarkdown(buildReportDocument(source));
    expect(text).toContain('No feedback is stored for this answer');
    expect(text).toContain(`${MAX_DOCUMENT_QUESTIONS + 2} more questions are not included`);
  });

  it('names the file in ASCII letters, digits and dashes, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const source = sourceWith('x');
        source.posting.title = title;
        const name = reportFileName(buildReportDocument(source), 'pdf');
        expect(name).toMatch(/^interview-report(-[a-z0-9]+)*-2026-12-01\.pdf$/);
        expect(name.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300, seed: 20261203 },
    );
    const source = sourceWith('x');
    source.posting.title = 'Ingénieur "backend" ../Zürich\r\nX: y';
    expect(reportFileName(buildReportDocument(source), 'md')).toBe(
      'interview-report-ingenieur-backend-zurich-x-y-2026-12-01.md',
    );
  });
});

describe('what the PDF prints', () => {
  it('cuts a long answer to its share and counts what it left out', () => {
    const long = 'a'.repeat(PDF_ANSWER_MAX + 1234);
    const source = sourceWith('short');
    source.questions[0]!.answers[0]!.content = long;
    const input = toPdfInput(buildReportDocument(source));
    expect(input.questions[0]!.attempts[0]).toMatchObject({
      content: 'a'.repeat(PDF_ANSWER_MAX),
      cutChars: 1234,
    });
    expect(input.questions[1]!.attempts[0]).toMatchObject({ content: 'short', cutChars: 0 });
  });

  it('gives each answer a smaller share when a report has very many, within a floor', () => {
    const many = buildReportDocument(sourceWith('x', 100));
    for (const q of many.questions) {
      q.attempts = Array.from({ length: 5 }, () => ({ ...q.attempts[0]! }));
    }
    expect(answerLimit(buildReportDocument(sourceWith('x', 8)))).toBe(PDF_ANSWER_MAX);
    expect(answerLimit(many)).toBe(400);
  });

  it('shortens very long quotes with an ellipsis', () => {
    const doc = buildReportDocument(sourceWith('q'.repeat(1000), 1));
    const quote = toPdfInput(doc).questions[0]!.attempts[0]!.feedback!.criteria[0]!.quotes[0]!;
    expect(quote).toBe(`${'q'.repeat(300)}…`);
  });
});

describe('the report renderer', () => {
  it('refuses a render past its queue with 429 RATE_LIMITED and a Retry-After', async () => {
    const renderer = createReportRenderer({ threads: 1, maxWaiting: 0, timeoutMs: 60_000 });
    try {
      const doc = buildReportDocument(sourceWith('Zürich'));
      const first = renderer.pdf(doc);
      await expect(renderer.pdf(doc)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        extra: { retryAfterSeconds: 5 },
      });
      expect((await first).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await renderer.close();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE when a render overruns its time', async () => {
    const renderer = createReportRenderer({ threads: 1, maxWaiting: 1, timeoutMs: 1 });
    try {
      await expect(renderer.pdf(buildReportDocument(sourceWith('x', 50)))).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
      });
    } finally {
      await renderer.close();
    }
  });
});

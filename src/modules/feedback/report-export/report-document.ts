// The interview report as a document: one plain model built from what is stored (the newest
// report, the transcript it summed up and each answer's feedback), rendered as Markdown and as
// PDF. Nothing here judges again; a missing judgement stays missing.

import type { FeedbackRow, ReportRow } from '../feedback.repository.js';

/** Questions one document holds; the rest are named as left out (the service reads no more). */
export const MAX_DOCUMENT_QUESTIONS = 100;
/** Quotes shown for one criterion or strength. */
const MAX_QUOTES = 5;

export interface ReportSource {
  report: ReportRow;
  posting: { title: string; company: string | null };
  /** The session's questions, oldest first, each with its answers in the order given. */
  questions: {
    id: string;
    content: string;
    question_type: string | null;
    requirement: string | null;
    answers: { id: string; content: string; created_at: Date }[];
  }[];
  /** The newest feedback of each answer (any order). */
  feedback: FeedbackRow[];
}

export interface DocumentFeedback {
  /** Null when not scored: the document never shows a number the feedback did not give. */
  score: number | null;
  rating: string | null;
  summary: string;
  criteria: { label: string; level: number | null; comment: string; quotes: string[] }[];
  strengths: { text: string; quotes: string[] }[];
  improvements: string[];
  requirement: { text: string; status: string } | null;
}

export interface DocumentAttempt {
  number: number;
  content: string;
  answeredAt: string;
  /** Null when the answer has no stored feedback (its evaluation failed or never ran). */
  feedback: DocumentFeedback | null;
}

export interface ReportDocument {
  posting: { title: string; company: string | null };
  /** The report's date, YYYY-MM-DD (UTC), and its full timestamp. */
  date: string;
  createdAt: string;
  overall: {
    score: number | null;
    rating: string | null;
    summary: string;
    questions: number;
    answered: number;
    scored: number;
  };
  criteria: { label: string; meanLevel: number | null; n: number }[];
  requirements: { text: string; status: string }[];
  practiceNext: { requirement: string; reason: string }[];
  questions: {
    number: number;
    text: string;
    type: string | null;
    requirement: string | null;
    attempts: DocumentAttempt[];
  }[];
  /** Questions of the report that the document leaves out (past MAX_DOCUMENT_QUESTIONS). */
  omittedQuestions: number;
}

const LABELS: Record<string, string> = {
  relevance: 'Relevance',
  structure: 'Structure',
  specificity: 'Specificity',
  ownership: 'Ownership',
  impact: 'Impact',
};
export const criterionLabel = (key: string): string => LABELS[key] ?? key;

// Control characters other than tab and newline carry nothing a reader can see.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Text as both renderers print it: no control characters, newlines as \n. */
export const plainText = (text: string): string =>
  text.replace(CONTROL, '').replaceAll('\r\n', '\n').replaceAll('\r', '\n');

const quotes = (spans: { quote: string }[]) =>
  [...new Set(spans.map((s) => s.quote.trim()).filter(Boolean))].slice(0, MAX_QUOTES);

function toFeedback(f: FeedbackRow): DocumentFeedback {
  const scored = f.status === 'scored' && f.score !== null;
  const criteria = f.criteria.map((c) => ({
    label: criterionLabel(c.key),
    level: c.level,
    comment: c.comment,
    quotes: quotes(c.evidence),
  }));
  // A strength mostly cites what its criterion cited: each quote is shown once per answer.
  const quoted = new Set(criteria.flatMap((c) => c.quotes));
  return {
    score: scored ? f.score : null,
    rating: scored ? f.rating : null,
    summary: f.summary,
    criteria,
    strengths: f.strengths.map((s) => ({
      text: s.text,
      quotes: quotes(s.evidence).filter((q) => !quoted.has(q)),
    })),
    improvements: f.improvements.map((i) => i.text),
    requirement: f.requirement,
  };
}

export function buildReportDocument(source: ReportSource): ReportDocument {
  const { report } = source;
  const feedbackOf = new Map(source.feedback.map((f) => [f.answer_message_id, f]));
  const shown = source.questions.slice(0, MAX_DOCUMENT_QUESTIONS);
  const createdAt = report.created_at.toISOString();
  return {
    posting: source.posting,
    date: createdAt.slice(0, 10),
    createdAt,
    overall: {
      score: report.overall_score,
      rating: report.overall_score === null ? null : report.rating,
      summary: report.summary,
      questions: report.questions,
      answered: report.answered,
      scored: report.scored,
    },
    criteria: report.criteria.map((c) => ({
      label: criterionLabel(c.key),
      meanLevel: c.mean_level,
      n: c.n,
    })),
    requirements: report.requirements,
    practiceNext: report.practice_next,
    questions: shown.map((q, i) => ({
      number: i + 1,
      text: q.content,
      type: q.question_type,
      requirement: q.requirement,
      attempts: q.answers.map((a, j) => {
        const feedback = feedbackOf.get(a.id);
        return {
          number: j + 1,
          content: a.content,
          answeredAt: a.created_at.toISOString(),
          feedback: feedback ? toFeedback(feedback) : null,
        };
      }),
    })),
    omittedQuestions: Math.max(0, report.questions - shown.length),
  };
}

/** A file name for the download: ASCII letters, digits and dashes only, whatever the title. */
export function reportFileName(doc: ReportDocument, extension: 'md' | 'pdf'): string {
  const slug = doc.posting.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `interview-report${slug ? `-${slug}` : ''}-${doc.date}.${extension}`;
}

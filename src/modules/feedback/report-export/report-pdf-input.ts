// What the PDF prints of a document, cut before it goes to the PDF thread: very long answers
// and quotes are shortened (with how much was left out, for a visible note), so neither the
// copy to the thread nor the layout grows with a 20,000-character answer.
import type { DocumentAttempt, DocumentFeedback, ReportDocument } from './report-document.js';

/** Characters of all answers one PDF prints; each answer gets its share, within the bounds. */
export const PDF_ANSWER_BUDGET = 150_000;
export const PDF_ANSWER_MAX = 3_000;
const PDF_ANSWER_MIN = 400;
const QUOTE_MAX = 300;

export type PdfAttempt = Omit<DocumentAttempt, 'content'> & { content: string; cutChars: number };
export type PdfInput = Omit<ReportDocument, 'questions'> & {
  questions: (Omit<ReportDocument['questions'][number], 'attempts'> & { attempts: PdfAttempt[] })[];
};

/** The text cut to `max` characters, and how many were left out. */
export function cut(text: string, max: number): { text: string; cutChars: number } {
  if (text.length <= max) return { text, cutChars: 0 };
  return { text: text.slice(0, max).trimEnd(), cutChars: text.length - max };
}

/** How many characters of each answer the PDF prints, from the number of answers. */
export function answerLimit(doc: ReportDocument): number {
  const attempts = doc.questions.reduce((n, q) => n + q.attempts.length, 0);
  const share = Math.floor(PDF_ANSWER_BUDGET / Math.max(1, attempts));
  return Math.max(PDF_ANSWER_MIN, Math.min(PDF_ANSWER_MAX, share));
}

const shortQuote = (q: string) => {
  const { text, cutChars } = cut(q, QUOTE_MAX);
  return cutChars > 0 ? `${text}…` : text;
};

function feedbackForPdf(f: DocumentFeedback): DocumentFeedback {
  return {
    ...f,
    criteria: f.criteria.map((c) => ({ ...c, quotes: c.quotes.map(shortQuote) })),
    strengths: f.strengths.map((s) => ({ ...s, quotes: s.quotes.map(shortQuote) })),
  };
}

export function toPdfInput(doc: ReportDocument): PdfInput {
  const limit = answerLimit(doc);
  return {
    ...doc,
    questions: doc.questions.map((q) => ({
      ...q,
      attempts: q.attempts.map((a) => {
        const { text, cutChars } = cut(a.content, limit);
        return {
          ...a,
          content: text,
          cutChars,
          feedback: a.feedback && feedbackForPdf(a.feedback),
        };
      }),
    })),
  };
}

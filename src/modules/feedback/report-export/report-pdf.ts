// The report document as a PDF (pdfkit), in Inter, a font embedded in the file (only the
// glyphs used), so accented names and places print as typed on any viewer. Very long answers
// are cut with a visible note: the Markdown download keeps them whole.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { plainText, type DocumentFeedback, type ReportDocument } from './report-document.js';

/** Characters of all answers one PDF prints; each answer gets its share, within the bounds. */
export const PDF_ANSWER_BUDGET = 150_000;
export const PDF_ANSWER_MAX = 3_000;
const PDF_ANSWER_MIN = 400;
const QUOTE_MAX = 300;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  italic: '@expo-google-fonts/inter/400Regular_Italic/Inter_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;
export const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
    italic: readFileSync(require.resolve(FONT_FILES.italic)),
  });

const clean = plainText;

/** The text cut to `max` characters, with a note saying how much was left out. */
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

const scoreText = (score: number | null, rating: string | null) =>
  score === null ? 'Not scored' : `${score}/100${rating ? ` (${rating})` : ''}`;

export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const files = loadFonts();
  // `font: ''` starts with no font at all: pdfkit would otherwise load its built-in Helvetica.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    font: '',
    info: {
      Title: `Interview report: ${clean(doc.posting.title)}`,
      CreationDate: new Date(doc.createdAt),
    },
  });
  for (const name of Object.keys(files) as FontName[]) pdf.registerFont(name, files[name]);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - 100;
  const left = 50;
  const text = (value: string, font: FontName = 'regular', size = 10, options = {}) =>
    pdf
      .font(font)
      .fontSize(size)
      .text(clean(value), { width, ...options });
  const gap = (lines = 0.5) => pdf.moveDown(lines);
  const heading = (value: string, size: number) => {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    gap(0.6);
    text(value, 'bold', size);
    gap(0.3);
  };

  text('Interview report', 'bold', 20);
  text(doc.posting.title + (doc.posting.company ? ` — ${doc.posting.company}` : ''), 'bold', 13);
  gap(0.3);
  text(`Date: ${doc.date}`);
  text(`Overall score: ${scoreText(doc.overall.score, doc.overall.rating)}`, 'bold', 12);
  const { questions, answered, scored } = doc.overall;
  text(`Questions: ${questions} asked, ${answered} answered, ${scored} scored`);
  gap(0.3);
  text(doc.overall.summary);

  heading('Criteria', 14);
  for (const c of doc.criteria) {
    const level = c.meanLevel === null ? 'not judged' : `${c.meanLevel}/3`;
    text(`${c.label}: ${level} (${c.n} answer${c.n === 1 ? '' : 's'} judged)`);
  }

  heading('Requirements', 14);
  table(
    pdf,
    left,
    width,
    doc.requirements.map((r) => [clean(r.text), r.status]),
  );

  if (doc.practiceNext.length > 0) {
    heading('What to practise next', 14);
    for (const p of doc.practiceNext) text(`• ${p.requirement}: ${p.reason}`);
  }

  heading('Questions and answers', 14);
  const limit = answerLimit(doc);
  for (const q of doc.questions) {
    heading(`Question ${q.number}${q.type ? ` (${q.type})` : ''}`, 12);
    text(q.text, 'bold', 10.5);
    if (q.requirement) text(`Requirement: ${q.requirement}`, 'italic', 9);
    if (q.attempts.length === 0) text('Not answered.', 'italic');
    for (const a of q.attempts) {
      gap(0.4);
      const of = q.attempts.length;
      text(of > 1 ? `Answer ${a.number} of ${of}` : 'Answer', 'bold', 10);
      const answer = cut(clean(a.content), limit);
      text(answer.text, 'regular', 10, { indent: 0 });
      if (answer.cutChars > 0) {
        text(
          `[Cut here: ${answer.cutChars} more characters. The Markdown download has the whole answer.]`,
          'italic',
          9,
        );
      }
      gap(0.3);
      if (a.feedback) feedback(a.feedback);
      else text('No feedback is stored for this answer (its evaluation did not finish).', 'italic');
    }
  }
  if (doc.omittedQuestions > 0) {
    gap();
    text(`${doc.omittedQuestions} more questions are not included in this document.`, 'italic');
  }
  pdf.end();
  return done;

  function feedback(f: DocumentFeedback) {
    text(`Feedback: ${scoreText(f.score, f.rating)}`, 'bold', 10);
    text(f.summary, 'regular', 9.5);
    for (const c of f.criteria) {
      const level = c.level === null ? 'not judged' : `${c.level}/3`;
      text(`${c.label}: ${level}${c.comment ? ` — ${c.comment}` : ''}`, 'regular', 9.5);
      for (const q of c.quotes) quote(q);
    }
    if (f.strengths.length > 0) {
      text('Strengths', 'bold', 9.5);
      for (const s of f.strengths) {
        text(`• ${s.text}`, 'regular', 9.5);
        for (const q of s.quotes) quote(q);
      }
    }
    if (f.improvements.length > 0) {
      text('To improve', 'bold', 9.5);
      for (const i of f.improvements) text(`• ${i}`, 'regular', 9.5);
    }
    if (f.requirement) {
      text(`Requirement “${f.requirement.text}”: ${f.requirement.status}`, 'italic', 9.5);
    }
  }

  function quote(q: string) {
    const { text: shown, cutChars } = cut(clean(q), QUOTE_MAX);
    pdf
      .font('italic')
      .fontSize(9)
      .text(`“${shown}${cutChars > 0 ? '…' : ''}”`, left + 14, undefined, { width: width - 14 });
    pdf.x = left;
  }
}

/** Two columns: the text wraps, the status sits on its first line; rows never split a page. */
function table(pdf: PDFKit.PDFDocument, left: number, width: number, rows: string[][]) {
  const statusWidth = 90;
  const textWidth = width - statusWidth - 10;
  const draw = (cells: string[], font: string) => {
    pdf.font(font).fontSize(9.5);
    const height = Math.max(
      ...cells.map((c, i) => pdf.heightOfString(c, { width: i === 0 ? textWidth : statusWidth })),
    );
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    pdf.text(cells[0]!, left, y, { width: textWidth });
    pdf.text(cells[1]!, left + textWidth + 10, y, { width: statusWidth });
    pdf.y = y + height + 3;
    pdf
      .moveTo(left, pdf.y - 1.5)
      .lineTo(left + width, pdf.y - 1.5)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    pdf.x = left;
  };
  draw(['Requirement', 'Status'], 'bold');
  for (const row of rows) draw(row, 'regular');
}

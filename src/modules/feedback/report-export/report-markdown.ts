// The report document as Markdown. Every text that came from a person or a model is escaped,
// so an answer reading "# Heading", "[x](javascript:...)" or "<img ...>" shows as those
// characters and never becomes a heading, a link or HTML.

import {
  plainText,
  type DocumentAttempt,
  type DocumentFeedback,
  type ReportDocument,
} from './report-document.js';

// The characters that can open inline Markdown or HTML anywhere in a line.
const INLINE = /[\\`*_[\]<>#|~&]/g;

/** One line of text, escaped: inline syntax everywhere, block syntax at its start. */
function escapeLine(line: string): string {
  const escaped = line
    .trim()
    .replace(INLINE, '\\$&')
    // Bare URLs are linked by GitHub-flavoured renderers; an escaped slash stops that.
    .replaceAll('://', ':\\/\\/')
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`);
  // A list marker, a numbered item or a setext underline at the start of the line.
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

const lines = (text: string) => plainText(text).split('\n');

/** Text on one line (a table cell, a list item, a heading). */
export const inline = (text: string): string =>
  lines(text)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeLine)
    .join(' ');

/** Text kept in its lines, as a blockquote (a line followed by another ends in a hard break). */
function blockquote(text: string): string {
  const all = lines(text).map((l) => l.trim());
  return all
    .map((l, i) => {
      if (!l) return '>';
      return `> ${escapeLine(l)}${all[i + 1] ? '  ' : ''}`;
    })
    .join('\n');
}

const quote = (q: string) => `“${inline(q)}”`;

function scoreText(score: number | null, rating: string | null): string {
  return score === null ? 'not scored' : `${score}/100${rating ? ` (${rating})` : ''}`;
}

function feedbackBlock(f: DocumentFeedback): string[] {
  const out = [`**Feedback: ${scoreText(f.score, f.rating)}.** ${inline(f.summary)}`, ''];
  if (f.criteria.length > 0) {
    for (const c of f.criteria) {
      const level = c.level === null ? 'not judged' : `${c.level}/3`;
      out.push(`- ${c.label}: ${level}${c.comment ? ` — ${inline(c.comment)}` : ''}`);
      for (const q of c.quotes) out.push(`  - ${quote(q)}`);
    }
    out.push('');
  }
  if (f.strengths.length > 0) {
    out.push('Strengths:', '');
    for (const s of f.strengths) {
      out.push(`- ${inline(s.text)}`);
      for (const q of s.quotes) out.push(`  - ${quote(q)}`);
    }
    out.push('');
  }
  if (f.improvements.length > 0) {
    out.push('To improve:', '', ...f.improvements.map((i) => `- ${inline(i)}`), '');
  }
  if (f.requirement) {
    out.push(`Requirement “${inline(f.requirement.text)}”: ${f.requirement.status}.`, '');
  }
  return out;
}

function attemptBlock(a: DocumentAttempt, of: number): string[] {
  const title = of > 1 ? `Answer ${a.number} of ${of}` : 'Answer';
  return [
    `#### ${title} (${a.answeredAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    blockquote(a.content),
    '',
    ...(a.feedback
      ? feedbackBlock(a.feedback)
      : ['No feedback is stored for this answer (its evaluation did not finish).', '']),
  ];
}

export function renderReportMarkdown(doc: ReportDocument): string {
  const { overall, posting } = doc;
  const out = [
    `# Interview report: ${inline(posting.title)}`,
    '',
    `- Job posting: ${inline(posting.title)}${posting.company ? ` at ${inline(posting.company)}` : ''}`,
    `- Date: ${doc.date}`,
    `- Overall score: ${scoreText(overall.score, overall.rating)}`,
    `- Questions: ${overall.questions} asked, ${overall.answered} answered, ${overall.scored} scored`,
    '',
    inline(overall.summary),
    '',
    '## Criteria',
    '',
    '| Criterion | Mean level | Answers judged |',
    '| --- | --- | --- |',
    ...doc.criteria.map(
      (c) =>
        `| ${c.label} | ${c.meanLevel === null ? 'not judged' : `${c.meanLevel}/3`} | ${c.n} |`,
    ),
    '',
    '## Requirements',
    '',
    '| Requirement | Status |',
    '| --- | --- |',
    ...doc.requirements.map((r) => `| ${inline(r.text)} | ${r.status} |`),
    '',
  ];
  if (doc.practiceNext.length > 0) {
    out.push('## What to practise next', '');
    for (const p of doc.practiceNext) out.push(`- ${inline(p.requirement)}: ${inline(p.reason)}`);
    out.push('');
  }
  out.push('## Questions and answers', '');
  for (const q of doc.questions) {
    out.push(`### Question ${q.number}${q.type ? ` (${q.type})` : ''}`, '', inline(q.text), '');
    if (q.requirement) out.push(`Requirement: ${inline(q.requirement)}`, '');
    if (q.attempts.length === 0) out.push('Not answered.', '');
    for (const a of q.attempts) out.push(...attemptBlock(a, q.attempts.length));
  }
  if (doc.omittedQuestions > 0) {
    out.push(`${doc.omittedQuestions} more questions are not included in this document.`, '');
  }
  return out.join('\n');
}

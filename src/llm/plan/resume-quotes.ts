// How a question opens on the candidate's resume ("Your resume says you reduced ..."), and
// how to recognise such an opening. One place for both, because the plan must tell a
// question that quotes a resume line from one that asks about the same words.

import type { Evidence } from '../analysis/types.js';

/** How the question points at the resume: "Your resume says you reduced ...". */
export function evidenceSentence(evidence: Evidence | null): string | null {
  if (!evidence) return null;
  if (evidence.clause) return `Your resume says ${evidence.clause}.`;
  if (evidence.kind === 'skill') return `You list ${evidence.text} on your resume.`;
  if (evidence.kind === 'role') return `You have worked as ${evidence.text}.`;
  return `Your resume mentions "${evidence.text}".`;
}

/** Whether a question opens on the candidate's resume, as `evidenceSentence` words it. */
export function quotesResume(question: string): boolean {
  return /^(?:Your resume (?:says|mentions)|You list .+ on your resume\.|You have worked as)/.test(
    question,
  );
}

/** The question without its opening resume quote: what it asks about, not what it quotes. */
export function withoutResumeQuote(question: string): string {
  return quotesResume(question) ? question.replace(/^.*?[.?!](?:\s|$)/, '') : question;
}

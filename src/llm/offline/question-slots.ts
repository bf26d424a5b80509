// Filling a template's slots for one requirement: the resume evidence that best backs it,
// the role to refer to, and how to name the job.

import type {
  Evidence,
  JobPostingContext,
  Requirement,
  ResumeAnalysis,
} from '../analysis/types.js';
import { capText } from '../text/bounds.js';
import { containment } from '../text/normalise.js';
import { isActionVerbStem } from '../text/phrases.js';
import type { QuestionSlots } from './question-templates.js';

export interface EvidenceChoice {
  /** A resume line that shares words with the requirement; null when none does. */
  evidence: Evidence | null;
  matched: boolean;
  /** The line was quoted earlier in the session: better named in the focus than quoted again. */
  quoted: boolean;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count += 1;
  return count;
}

/**
 * The resume line that best supports a requirement. A shared concrete term (PostgreSQL, Epic,
 * phonics, rota) counts more than a shared verb ("designing", "built"), and a word counts more
 * the rarer it is in the resume ("discharge" says more than "patient" on a nurse's resume).
 * A line already quoted in the session ranks below a fresh one that backs the requirement as
 * well, so a session walks through the resume. A line that shares nothing is no evidence.
 */
export function pickEvidence(
  requirement: Requirement,
  resume: ResumeAnalysis | null,
  askedStems: readonly ReadonlySet<string>[],
): EvidenceChoice {
  const none = { evidence: null, matched: false, quoted: false };
  if (!resume) return none;
  const pool = [...resume.achievements, ...resume.skills];
  const documentFrequency = resume.stemFrequency;
  let best: EvidenceChoice = none;
  let bestScore = -Infinity;
  for (const item of pool) {
    let match = 0;
    for (const stem of requirement.stems) {
      if (!item.stems.has(stem)) continue;
      match += (isActionVerbStem(stem) ? 0.5 : 2) / (documentFrequency.get(stem) ?? 1);
    }
    if (match === 0) continue;
    const quoted = askedStems.some((stems) => containment(item.stems, stems) >= 0.6);
    const score = match * 4 + item.weight * 0.5 - (quoted ? 3 : 0);
    if (score > bestScore) [best, bestScore] = [{ evidence: item, matched: true, quoted }, score];
  }
  return best;
}

function pickRole(requirement: Requirement, resume: ResumeAnalysis | null): string | null {
  if (!resume || resume.roles.length === 0) return null;
  const ranked = [...resume.roles].sort(
    (a, b) => sharedCount(requirement.stems, b.stems) - sharedCount(requirement.stems, a.stems),
  );
  return ranked[0]?.text ?? null;
}

/** "Registered Nurse, Cardiac Step-Down Unit" -> "Registered Nurse". */
export function shortTitle(title: string): string {
  const cut = title.split(/[,(|]|\s[-–—]\s/)[0]?.trim();
  return cut || title.trim();
}

// A title or company is one line; the API allows more than a question can quote.
const MAX_FIELD_CHARS = 200;

const SENIORITY =
  /\b(junior|entry|mid|senior|lead|principal|staff|manager|director|head|executive)\b/i;

export function buildSlots(
  posting: JobPostingContext,
  requirement: Requirement,
  secondRequirement: Requirement | null,
  evidence: Evidence | null,
  resume: ResumeAnalysis | null,
): QuestionSlots {
  const level =
    SENIORITY.exec(capText(posting.experienceLevel ?? '', MAX_FIELD_CHARS))?.[1]?.toLowerCase() ??
    null;
  const company = capText(posting.company ?? '', MAX_FIELD_CHARS).trim();
  // Someone joining at entry level is not the one bringing colleagues up to speed.
  const seniority = level === 'junior' || level === 'entry' ? null : level;
  return {
    requirement: requirement.text,
    kind: requirement.kind,
    secondRequirement: secondRequirement?.text ?? null,
    evidence,
    role: pickRole(requirement, resume),
    shortTitle: shortTitle(capText(posting.title, MAX_FIELD_CHARS)),
    at: company ? ` at ${company}` : '',
    seniority,
  };
}

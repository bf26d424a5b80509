// What a resume shows: roles held, skills listed and achievements claimed, read from the
// layout resumes share (section headings, dated role lines, bullets, comma lists).

import { BULLET, splitUnits } from './text-units.js';
import { firstClause, isActionVerb } from './phrase-tools.js';
import { STOPWORDS, stemSet, wordCount } from './text-normalise.js';

export type EvidenceKind = 'achievement' | 'skill' | 'role';

export interface Evidence {
  kind: EvidenceKind;
  /** As written, shortened: quoted or cited in a question. */
  text: string;
  /** "you reduced patient falls by 30%..." when the line opens with a verb; else null. */
  clause: string | null;
  stems: ReadonlySet<string>;
  /** Concrete claims (numbers, outcomes) make better questions. */
  weight: number;
}

export interface ResumeAnalysis {
  roles: Evidence[];
  skills: Evidence[];
  achievements: Evidence[];
}

const MAX_RESUME_CHARS = 20_000;

type Section = 'experience' | 'skills' | 'education' | 'summary' | 'other';

const SECTIONS: [Section, RegExp][] = [
  ['skills', /skill|competenc|expertise|tools|technolog|certific|licen[cs]|languages|qualific/i],
  ['education', /education|degree|training|academic/i],
  ['summary', /summary|profile|objective|about/i],
  [
    'experience',
    /experience|employment|history|career|positions|work|achievements|accomplish|projects|awards|volunteer/i,
  ],
];
const DATE = /\b(?:19|20)\d{2}\b|\bpresent\b|\bcurrent\b/i;
const DATE_RANGE =
  /\(?\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d{2}\s*(?:(?:[-–—]|to)\s*(?:(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d{2}|present|current|now))?\s*\)?/gi;
const IRREGULAR_PAST = new Set(
  'led built ran grew won taught wrote sold made drove oversaw took began brought set cut held kept met found rebuilt co-taught'.split(
    ' ',
  ),
);

function sectionOf(line: string): Section | null {
  const label = line.replace(/:$/, '').trim();
  if (wordCount(label) > 5 || /[\d.,;|]/.test(label)) return null;
  const looksLikeHeading =
    line.endsWith(':') || (label === label.toUpperCase() && /[A-Z]/.test(label));
  for (const [section, pattern] of SECTIONS) if (pattern.test(label)) return section;
  return looksLikeHeading ? 'other' : null;
}

function opensWithPastTense(text: string): boolean {
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  return IRREGULAR_PAST.has(first) || /^[a-z-]{3,}ed$/.test(first);
}

function opensWithVerb(text: string): boolean {
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  return !STOPWORDS.has(first) && (isActionVerb(first) || opensWithPastTense(text));
}

/** The resume speaks in the first person; the interviewer addresses the candidate. */
function toSecondPerson(text: string): string {
  return text
    .replace(/\bI\b/g, 'you')
    .replace(/\b(?:my|our)\b/gi, 'your')
    .replace(/\bme\b/gi, 'you');
}

function shorten(text: string, maxWords: number): string {
  const words = firstClause(text)
    .replace(/[.;,]+$/, '')
    .split(/\s+/);
  if (words.length <= maxWords) return words.join(' ');
  const joint = words.findLastIndex((w, i) => i >= 5 && i < maxWords && w.endsWith(','));
  const kept = words.slice(0, joint > 0 ? joint + 1 : maxWords);
  while (kept.length > 3 && STOPWORDS.has((kept.at(-1) ?? '').toLowerCase())) kept.pop();
  return kept.join(' ').replace(/[,;]$/, '');
}

function evidence(kind: EvidenceKind, raw: string, maxWords: number): Evidence {
  const text = shorten(raw.trim(), maxWords);
  const clause =
    kind === 'achievement' && opensWithVerb(text)
      ? `you ${toSecondPerson(`${text[0]?.toLowerCase()}${text.slice(1)}`)}`
      : null;
  const weight = (/\d/.test(text) ? 2 : 0) + (clause ? 1 : 0);
  return { kind, text, clause, stems: stemSet(text), weight };
}

/** "Staff Nurse, Telemetry Unit - Mercy Valley Medical Center, 2021 to Present" -> "Staff Nurse, Telemetry Unit". */
function roleTitle(line: string): string | null {
  if (!DATE.test(line) || /[.%]$/.test(line) || opensWithPastTense(line) || wordCount(line) > 16) {
    return null;
  }
  const parts = line
    .replace(DATE_RANGE, ' ')
    .split(/\s+[|–—-]\s+|,\s+|\s+at\s+|\s+@\s+/)
    .map((part) => part.replace(/[\s,|–—-]+$/, '').trim())
    .filter(Boolean);
  const title = parts.length >= 3 ? `${parts[0]}, ${parts[1]}` : parts[0];
  return title && wordCount(title) <= 7 ? title : null;
}

export function analyseResume(resume: string): ResumeAnalysis {
  const result: ResumeAnalysis = { roles: [], skills: [], achievements: [] };
  let section: Section = 'other';
  // The recent career sits at the top; a 50-page CV's tail would only cost time.
  for (const line of resume
    .slice(0, MAX_RESUME_CHARS)
    .split(/\r?\n/)
    .map((l) => l.trim())) {
    if (!line) continue;
    const inline = /^([A-Za-z][\w &]{1,30}):\s+(.+)$/.exec(line);
    const heading = sectionOf(inline?.[1] ? `${inline[1]}:` : line);
    if (heading && !inline) {
      section = heading;
      continue;
    }
    const lineSection = inline && heading ? heading : section;
    const body = inline && heading ? (inline[2] ?? '') : line.replace(BULLET, '');
    if (lineSection === 'skills') {
      for (const item of body.replace(/\([^)]*\)/g, '').split(/[,;|•·]/)) {
        const skill = item.trim();
        if (skill.length >= 2 && wordCount(skill) <= 5)
          result.skills.push(evidence('skill', skill, 5));
      }
      continue;
    }
    if (lineSection === 'education') continue;
    const title = BULLET.test(line) ? null : roleTitle(line);
    if (title) {
      result.roles.push(evidence('role', title, 7));
    } else if (lineSection !== 'summary' && (BULLET.test(line) || lineSection === 'experience')) {
      for (const unit of splitUnits(body)) {
        if (wordCount(unit.text) >= 5)
          result.achievements.push(evidence('achievement', unit.text, 16));
      }
    }
  }
  return result;
}

// Where a posting's prose says what it asks for: cue phrases ("experience with", "ability
// to") and the lead-ins people type before a duty or a quality ("We need a backend engineer
// to", "You will", "The ideal candidate has"). A cue is consumed whole, so no part of it
// reaches a question: the capture that follows is the skill or duty itself.

import type { RequirementKind } from './types.js';

/** How to read what follows a cue. */
export type CueShape =
  /** A noun phrase: "PostgreSQL and queues". */
  | 'noun'
  /** A verb phrase, turned into a gerund: "design REST APIs" -> "designing REST APIs". */
  | 'verb'
  /** A list of separate qualities: "a forklift licence, strong communication skills". */
  | 'list'
  /** An adjective or a noun complement of "is": "patient and organised" -> "being ...". */
  | 'being';

export interface CueMatch {
  cueStart: number;
  start: number;
  shape: CueShape;
  kind: RequirementKind;
}

const SOMEONE = String.raw`(?:(?:an?|one|two|three|the)\s+)?(?:[\w-]+\s+){0,5}?`;
const HIRING = String.raw`\b(?:(?:we|i)\s+(?:are\s+|am\s+)?|we're\s+|i'm\s+)?(?:looking for|seeking|hiring|searching for|need|want)\s+`;
const CANDIDATE = String.raw`\b(?:the\s+)?(?:ideal|successful|right|perfect)\s+(?:candidate|person|applicant|hire)\s+`;
// "to join our team" and "to be part of" introduce the job, not a duty of it.
const NOT_A_DUTY = String.raw`(?!join\b|be\b|become\b|help\s+us\b|work\s+(?:for|with)\s+us\b)`;

const CUES: { pattern: RegExp; shape: CueShape; kind: RequirementKind }[] = [
  {
    pattern: new RegExp(
      `${HIRING}${SOMEONE}(?:who\\s+(?:can|will|is able to|knows how to)|that\\s+can|to)\\s+${NOT_A_DUTY}`,
      'gi',
    ),
    shape: 'verb',
    kind: 'duty',
  },
  {
    pattern: new RegExp(`${HIRING}${SOMEONE}(?:with|who\\s+(?:has|have|brings))\\s+`, 'gi'),
    shape: 'list',
    kind: 'knowledge',
  },
  {
    pattern: new RegExp(
      `${CANDIDATE}(?:has|have|brings|possesses|offers|(?:should|will|must)\\s+have)\\s+`,
      'gi',
    ),
    shape: 'list',
    kind: 'knowledge',
  },
  {
    pattern: new RegExp(`${CANDIDATE}(?:is|(?:should|will|must)\\s+be)\\s+(?!able\\b)`, 'gi'),
    shape: 'being',
    kind: 'trait',
  },
  {
    pattern: new RegExp(`${CANDIDATE}(?:can|will|should|must)\\s+(?!be\\b|have\\b)`, 'gi'),
    shape: 'verb',
    kind: 'duty',
  },
  { pattern: /\bexperience\s+(?=\w+ing\b)/gi, shape: 'noun', kind: 'knowledge' },
  {
    pattern:
      /\b(?:experience|expertise|proficiency|background|skilled|fluency|competence|track record|comfortable|familiar|familiarity|proficient|experienced|confident)\s+(?:with|in|of|using|at)\s+/gi,
    shape: 'noun',
    kind: 'knowledge',
  },
  {
    pattern: /\b(?:knowledge|understanding|command|mastery|grasp)\s+of\s+/gi,
    shape: 'noun',
    kind: 'knowledge',
  },
  {
    pattern: /\b(?:(?:you(?:'ll| will)|will|you are|you're)\s+be\s+)?responsible for\s+/gi,
    shape: 'noun',
    kind: 'duty',
  },
  {
    pattern: /\b(?:commitment to|passion for|dedication to)\s+/gi,
    shape: 'noun',
    kind: 'trait',
  },
  { pattern: /\b(?:we expect|requires?|we need|must have)\s+/gi, shape: 'noun', kind: 'knowledge' },
  {
    pattern:
      /\b(?:(?:must|should|will)\s+be\s+)?(?:ability|able|willingness|willing|eager|happy|prepared)\s+to\s+/gi,
    shape: 'verb',
    kind: 'trait',
  },
  { pattern: /\b(?:must|should)\s+be\s+(?!able\b|willing\b)/gi, shape: 'being', kind: 'trait' },
  { pattern: /\bmust\s+(?!be\b|have\b)(?=[a-z])/gi, shape: 'verb', kind: 'duty' },
  {
    pattern:
      /\b(?:(?:you|candidate|hire|applicant|incumbent) will|you'll|expected to)\s+(?:also\s+|be\s+(?:expected|asked)\s+to\s+)?/gi,
    shape: 'verb',
    kind: 'duty',
  },
];

/**
 * Every cue in a unit, in order; each captured phrase ends where the next cue begins. Where
 * cues overlap ("we need" inside "we need a backend engineer to"), the longest wins.
 */
export function findCues(text: string): CueMatch[] {
  const matches: CueMatch[] = [];
  for (const { pattern, shape, kind } of CUES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      matches.push({ cueStart: match.index, start: match.index + match[0].length, shape, kind });
    }
  }
  matches.sort((a, b) => a.cueStart - b.cueStart || b.start - a.start);
  const kept: CueMatch[] = [];
  for (const match of matches) {
    const last = kept.at(-1);
    if (!last || match.cueStart >= last.start) kept.push(match);
  }
  return kept;
}

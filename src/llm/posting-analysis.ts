// What a job posting asks for, found by reading its text: cue phrases ("experience with",
// "ability to"), bullet lines, labelled lists, the stated stack, named terms and key phrases.
// Nothing here knows any trade, so a ward nurse's posting works as well as an engineer's.

import type { JobPostingContext } from './generator.js';
import { extractKeyPhrases, extractNamedTerms, splitUnits } from './text-units.js';
import {
  cleanPhrase,
  isActionVerb,
  lowerCaseVocabulary,
  softenFirstWord,
  verbPhraseToGerund,
} from './phrase-tools.js';
import { containment, jaccard, stemSet } from './text-normalise.js';

export type RequirementSource = 'cue' | 'bullet' | 'list' | 'stack' | 'term' | 'key-phrase';
/** What sort of thing is asked for; it decides which question types suit it. */
export type RequirementKind = 'duty' | 'knowledge' | 'trait' | 'credential';

export interface Requirement {
  /** A phrase that reads as a noun phrase inside a question ("administering medications"). */
  text: string;
  stems: ReadonlySet<string>;
  source: RequirementSource;
  kind: RequirementKind;
}

export interface PostingAnalysis {
  requirements: Requirement[];
  /** Stems of the title and company: citing them alone does not make a question specific. */
  contextStems: ReadonlySet<string>;
}

// The capture is what follows the cue; `verb` says whether it opens with a verb.
const CUES: { pattern: RegExp; verb: boolean; kind: RequirementKind }[] = [
  { pattern: /\bexperience\s+(?=\w+ing\b)/gi, verb: false, kind: 'knowledge' },
  {
    pattern:
      /\b(?:experience|expertise|proficiency|background|skilled|fluency|competence|track record|comfortable|familiar|familiarity|proficient|experienced|confident)\s+(?:with|in|of|using|at)\s+/gi,
    verb: false,
    kind: 'knowledge',
  },
  {
    pattern: /\b(?:knowledge|understanding|command|mastery|grasp)\s+of\s+/gi,
    verb: false,
    kind: 'knowledge',
  },
  { pattern: /\bresponsible for\s+/gi, verb: false, kind: 'duty' },
  { pattern: /\b(?:commitment to|passion for|dedication to)\s+/gi, verb: false, kind: 'trait' },
  { pattern: /\b(?:we expect|requires?|we need)\s+/gi, verb: false, kind: 'knowledge' },
  { pattern: /\b(?:ability|able|willingness|willing|eager)\s+to\s+/gi, verb: true, kind: 'trait' },
  {
    pattern: /\b(?:(?:you|candidate|hire|applicant|incumbent) will|you'll|expected to)\s+/gi,
    verb: true,
    kind: 'duty',
  },
];
const CREDENTIAL = /\b(?:licen[cs]e|licensure|certificat\w*|certified|degree|diploma|clearance)\b/i;
const LABELLED_LIST = /^([A-Za-z][\w ]{0,30}):\s+(.+)$/;
const MAX_REQUIREMENTS = 24;
const MAX_POSTING_CHARS = 10_000;

export function analysePosting(posting: JobPostingContext): PostingAnalysis {
  // What a posting asks for comes first; past this point it is benefits and legal text,
  // and reading it would only cost time.
  const description = posting.description.slice(0, MAX_POSTING_CHARS);
  const vocabulary = lowerCaseVocabulary(description);
  const contextStems = stemSet(`${posting.title} ${posting.company ?? ''}`);
  const found: Requirement[] = [];

  const add = (
    raw: string,
    source: RequirementSource,
    maxWords: number,
    verb?: boolean,
    cueKind?: RequirementKind,
  ): void => {
    const cleaned = cleanPhrase(raw, maxWords);
    if (!cleaned) return;
    const opensWithVerb = verb ?? isActionVerb(cleaned.split(/[\s,]/)[0] ?? '');
    const softened = source === 'term' ? cleaned : softenFirstWord(cleaned, vocabulary);
    const text = opensWithVerb ? verbPhraseToGerund(softened, verb === true) : softened;
    const stems = stemSet(text);
    if (stems.size === 0 || containment(stems, contextStems) === 1) return;
    if (found.some((other) => jaccard(other.stems, stems) >= 0.6)) return;
    const kind = CREDENTIAL.test(text)
      ? 'credential'
      : (cueKind ?? (opensWithVerb ? 'duty' : 'knowledge'));
    found.push({ text, stems, source, kind });
  };

  for (const unit of splitUnits(description)) {
    const cues = findCues(unit.text);
    cues.forEach((cue, i) => {
      const end = cues[i + 1]?.cueStart ?? unit.text.length;
      add(unit.text.slice(cue.start, end), 'cue', 10, cue.verb, cue.kind);
    });
    const list = unit.bullet ? null : LABELLED_LIST.exec(unit.text);
    if (list?.[2] && list[2].includes(',')) {
      for (const item of list[2].split(/,\s*(?:and\s+)?|;\s*/)) {
        if (findCues(item).length === 0) add(item, 'list', 8);
      }
    } else if (unit.bullet && cues.length === 0) {
      add(unit.text, 'bullet', 10);
    }
  }
  const stack = (posting.techStack ?? '').split(/[,;/|]|\band\b/);
  for (const item of stack) add(item, 'stack', 4, false);

  // Named terms and key phrases only fill gaps: skip what a requirement already says,
  // and what merely repeats the title ("enthusiastic science teacher").
  const addIfNew = (phrase: string, source: RequirementSource): void => {
    const stems = stemSet(phrase);
    if (containment(stems, contextStems) > 0.5) return;
    if (found.some((other) => containment(stems, other.stems) >= 0.5)) return;
    // A two-word key phrase opening with a verb-like word is usually a noun ("track record").
    const mayBeVerb = source === 'key-phrase' && phrase.split(' ').length >= 3;
    add(phrase, source, 5, mayBeVerb ? undefined : false);
  };
  for (const term of extractNamedTerms(description)) addIfNew(term, 'term');
  for (const phrase of extractKeyPhrases(description)) {
    if (found.length >= MAX_REQUIREMENTS) break;
    addIfNew(phrase, 'key-phrase');
  }
  return { requirements: found.slice(0, MAX_REQUIREMENTS), contextStems };
}

interface CueMatch {
  cueStart: number;
  start: number;
  verb: boolean;
  kind: RequirementKind;
}

/** Every cue in a unit, in order; each captured phrase ends where the next cue begins. */
function findCues(text: string): CueMatch[] {
  const matches: CueMatch[] = [];
  for (const { pattern, verb, kind } of CUES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      matches.push({ cueStart: match.index, start: match.index + match[0].length, verb, kind });
    }
  }
  return matches.sort((a, b) => a.cueStart - b.cueStart);
}

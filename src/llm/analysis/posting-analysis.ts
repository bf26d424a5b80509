// What a job posting asks for, found by reading its text: cue phrases and lead-ins ("experience
// with", "We need a backend engineer to", "The ideal candidate has"), bullet lines, sentences
// typed as orders ("Own our order service."), labelled lists, the stated stack and level,
// named terms and key phrases. Nothing here knows any trade, so a ward nurse's posting works
// as well as an engineer's, and three typed sentences as well as a page of bullets.

import { capText } from '../text/bounds.js';
import { extractKeyPhrases, extractNamedTerms, splitUnits } from '../text/units.js';
import {
  cleanPhrase,
  firstClause,
  indefiniteArticle,
  isActionVerb,
  lowerCaseVocabulary,
  softenFirstWord,
  verbPhraseToGerund,
  withCredentialArticle,
} from '../text/phrases.js';
import { splitDuties, splitList } from '../text/phrase-splitting.js';
import { containment, jaccard, stemSet } from '../text/normalise.js';
import { findCues, type CueShape } from './posting-cues.js';
import type {
  JobPostingContext,
  PostingAnalysis,
  Requirement,
  RequirementKind,
  RequirementSource,
} from './types.js';

const CREDENTIAL = /\b(?:licen[cs]e|licensure|certificat\w*|certified|degree|diploma|clearance)\b/i;
const LABELLED_LIST = /^([A-Za-z][\w ]{0,30}):\s+(.+)$/;
// "BLS certification is required." names its requirement before the verb. Searched, not
// anchored with a lazy `^(.+?)\s+`, which would rescan a run of spaces from each of them.
const PREDICATE =
  /\s(?:is|are) (?:(?:strongly |highly )?(?:required|essential|mandatory|a must|expected|needed|preferred|desirable|helpful|useful|welcome|valued|a plus|a bonus|an advantage|advantageous))\b/i;
// "3+ years", "senior", "entry level": how much, not what.
const LEVEL_NOISE =
  /\b(?:\d+\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)(?:\s+of)?|junior|entry|mid|senior|lead|principal|staff|level|mid-level|entry-level|experience|experienced|minimum|at least|or more|plus)\b/gi;
// "working weekends", "travel 40% of the time": when someone can work is a condition of
// the job, neither a skill nor a duty to be interviewed on.
const AVAILABILITY =
  /^(?:work(?:ing)?|travel(?:l?ing)?|being available|available|covering)\b.*\b(?:weekends?|nights?|evenings?|mornings?|holidays?|overtime|hours|\d+%|time)\b/i;
const EMPLOYER_INTRO = /^(?:we(?:'re| are)\b|our\b)|\b(?:looking for|seeking|hiring|wanted)\b/i;
const MAX_REQUIREMENTS = 24;
const MAX_POSTING_CHARS = 10_000;
// Title, company, stack and level are a line each; the API allows more than any needs.
const MAX_FIELD_CHARS = 300;

export function analysePosting(posting: JobPostingContext): PostingAnalysis {
  // What a posting asks for comes first; past this point it is benefits and legal text,
  // and reading it would only cost time.
  const description = capText(posting.description, MAX_POSTING_CHARS);
  const title = capText(posting.title, MAX_FIELD_CHARS);
  const company = capText(posting.company ?? '', MAX_FIELD_CHARS);
  const vocabulary = lowerCaseVocabulary(description);
  const contextStems = stemSet(`${title} ${company}`);
  const found: Requirement[] = [];

  const add = (
    raw: string,
    source: RequirementSource,
    maxWords: number,
    shape?: CueShape,
    cueKind?: RequirementKind,
  ): void => {
    const cleaned = cleanPhrase(raw, maxWords);
    if (!cleaned) return;
    const verb = shape === undefined ? undefined : shape === 'verb';
    const opensWithVerb = verb ?? isActionVerb(cleaned.split(/[\s,]/)[0] ?? '');
    const softened = source === 'term' ? cleaned : softenFirstWord(cleaned, vocabulary);
    let text = opensWithVerb ? verbPhraseToGerund(softened, verb === true) : softened;
    // Keep the article the posting used: "a forklift licence", "being a calm communicator".
    if (!opensWithVerb && /^\s*an?\s/i.test(raw) && !/^an?\s/i.test(text)) {
      text = `${indefiniteArticle(text)} ${text}`;
    }
    if (shape === 'being') text = `being ${text}`;
    const stems = stemSet(text);
    if (stems.size === 0 || containment(stems, contextStems) === 1) return;
    if (AVAILABILITY.test(text)) return;
    // One plain word ("communication skills") could be asked of anyone: nothing to cite.
    if (stems.size === 1 && !/[A-Z\d]/.test(text)) return;
    if (found.some((other) => jaccard(other.stems, stems) >= 0.6)) return;
    const credential = CREDENTIAL.test(text);
    const kind = credential ? 'credential' : (cueKind ?? (opensWithVerb ? 'duty' : 'knowledge'));
    found.push({ text: credential ? withCredentialArticle(text) : text, stems, source, kind });
  };

  // What follows a cue: one duty or several ("design APIs, own performance and mentor"),
  // one thing, or a list of separate qualities.
  const addCapture = (raw: string, shape: CueShape, kind: RequirementKind): void => {
    if (shape === 'verb') {
      for (const duty of splitDuties(raw)) add(duty, 'cue', 10, shape, kind);
    } else if (shape === 'list') {
      for (const item of splitList(raw)) {
        if (findCues(item).length === 0) add(item, 'cue', 8, 'noun', kind);
      }
    } else {
      add(raw, 'cue', shape === 'being' ? 6 : 10, shape, kind);
    }
  };

  // The stack and the level are posting requirements too, unless the description already
  // names them ("Experience with PostgreSQL and queues" covers "PostgreSQL").
  const addUnlessNamed = (raw: string, source: RequirementSource, maxWords: number): void => {
    const stems = stemSet(raw);
    if (found.some((other) => stems.size > 0 && containment(stems, other.stems) === 1)) return;
    add(raw, source, maxWords, 'noun');
  };

  for (const unit of splitUnits(description)) {
    const cues = findCues(unit.text);
    cues.forEach((cue, i) => {
      const end = cues[i + 1]?.cueStart ?? unit.text.length;
      addCapture(unit.text.slice(cue.start, end), cue.shape, cue.kind);
    });
    const list = unit.bullet ? null : LABELLED_LIST.exec(unit.text);
    if (list?.[2] && list[2].includes(',')) {
      for (const item of list[2].split(/,\s*(?:and\s+)?|;\s*/)) {
        if (findCues(item).length === 0) add(item, 'list', 8);
      }
    } else if (cues.length === 0 && unit.bullet) {
      add(unit.text, 'bullet', 10);
    } else if (cues.length === 0 && isActionVerb(unit.text.split(/[\s,]/)[0] ?? '')) {
      // A sentence typed as an order ("Own our order service.") is a duty, like a bullet.
      for (const duty of splitDuties(firstClause(unit.text))) add(duty, 'sentence', 10, 'verb');
    } else if (cues.length === 0) {
      const at = unit.text.replace(/\s+/g, ' ').search(PREDICATE);
      const predicate = at > 0 ? unit.text.replace(/\s+/g, ' ').slice(0, at) : null;
      if (predicate) add(predicate, 'sentence', 8, 'noun');
    }
  }
  for (const item of capText(posting.techStack ?? '', MAX_FIELD_CHARS).split(/[,;/|]|\band\b/)) {
    addUnlessNamed(item, 'stack', 4);
  }
  const level = capText(posting.experienceLevel ?? '', MAX_FIELD_CHARS)
    .replace(LEVEL_NOISE, ' ')
    .replace(/^[\s,;:()-]*(?:(?:in|with|of|on|at|as)\s+)?/i, '');
  addUnlessNamed(level, 'level', 6);

  // Named terms and key phrases only fill gaps: skip what a requirement already says,
  // and what merely repeats the title ("enthusiastic science teacher").
  const addIfNew = (phrase: string, source: RequirementSource): void => {
    const stems = stemSet(phrase);
    if (containment(stems, contextStems) > 0.5) return;
    if (found.some((other) => containment(stems, other.stems) >= 0.5)) return;
    // A two-word key phrase opening with a verb-like word is usually a noun ("track record").
    const mayBeVerb = source === 'key-phrase' && phrase.split(' ').length >= 3;
    add(phrase, source, 5, mayBeVerb ? undefined : 'noun');
  };
  // "We are a busy seafood bistro ..." describes the employer, not what the job asks for.
  const asks = splitUnits(description)
    .filter((unit) => !EMPLOYER_INTRO.test(unit.text))
    .map((unit) => unit.text)
    .join('\n');
  for (const term of extractNamedTerms(asks)) addIfNew(term, 'term');
  for (const phrase of extractKeyPhrases(asks)) {
    if (found.length >= MAX_REQUIREMENTS) break;
    addIfNew(phrase, 'key-phrase');
  }
  return { requirements: found.slice(0, MAX_REQUIREMENTS), contextStems };
}

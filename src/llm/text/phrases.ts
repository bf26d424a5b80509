// Turning raw posting and resume fragments into phrases that read well inside a question.

import { capText, MAX_PHRASE_CHARS, trimEndChars, trimStartChars } from './bounds.js';
import { toGerund } from './grammar.js';
import { STOPWORDS, stem, tokenize } from './normalise.js';

// General English action verbs, the kind that open a duty or an achievement in any trade.
// Used only to decide grammar (gerund or not), never to decide what is relevant.
const ACTION_VERBS = new Set(
  `administer advise advocate align analyse analyze apply assess assist attend automate balance
  build care champion close coach collaborate collect communicate conduct contribute coordinate
  counsel create cultivate debug define deliver demonstrate deploy design develop diagnose direct
  document drive educate engage ensure establish evaluate exceed execute expand facilitate follow
  forecast foster generate grade grow guide handle help identify implement improve increase
  influence inspire instruct integrate interpret investigate lead learn maintain manage measure
  meet mentor model monitor motivate negotiate nurture observe operate optimise optimize organise
  organize own oversee participate partner perform plan prepare present prioritise prioritize
  promote prospect protect provide recruit reduce report represent research resolve respond
  review run schedule scale secure sell serve ship solve source streamline supervise support
  teach test track train transform translate triage troubleshoot update use work write
  recognise recognize inspect escalate reconcile calculate install repair maintain cook clean
  precept answer approve audit budget chart check consult craft curate draft enforce
  examine explain greet hire host inform launch listen market moderate onboard order pitch
  process produce publish purchase qualify read recommend record refer renew resolve restore
  select set share shape sort study supply tailor trace uphold verify welcome keep give make hit
  stay take find bring hold restock pack load lift stock tidy cover`.split(/\s+/),
);

export function isActionVerb(word: string): boolean {
  return ACTION_VERBS.has(word.toLowerCase());
}

const ACTION_VERB_STEMS: ReadonlySet<string> = new Set([...ACTION_VERBS].map(stem));

/** "design" and "designing" share the stem "design": a verb says less than a named thing. */
export function isActionVerbStem(wordStem: string): boolean {
  return ACTION_VERB_STEMS.has(wordStem);
}

/**
 * "Administer medications and monitor vitals" -> "administering medications and monitoring vitals".
 * A later verb is turned only when it continues a list the phrase opened with a verb
 * ("Recruit, hire and onboard"), so "pricing, lead times" keeps its noun. `opensWithVerb`
 * says the first word is a verb even when it is not a known action verb ("ability to stay").
 */
export function verbPhraseToGerund(phrase: string, opensWithVerb = false): string {
  const words = capText(phrase, MAX_PHRASE_CHARS).split(/\s+/);
  const bare = (word: string): string => word.replace(/[,;]$/, '');
  const first = bare(words[0] ?? '');
  if (!opensWithVerb && !isActionVerb(first)) return phrase;
  let previousTurned = false;
  return words
    .map((word, i) => {
      const previous = (words[i - 1] ?? '').toLowerCase();
      const continuesList =
        previous === 'and' || previous === 'or' || (previousTurned && previous.endsWith(','));
      const turn = i === 0 || (continuesList && isActionVerb(bare(word)));
      previousTurned = turn;
      return turn ? `${toGerund(bare(word))}${word.slice(bare(word).length)}` : word;
    })
    .join(' ');
}

const LEADING_NOISE =
  /^(?:(?:a|an|the|minimum|strong|excellent|exceptional|proven|solid|demonstrated|deep|good|sound|thorough|effective|hands-on|working|practical|outstanding|superb|great|clear|current|valid|active|at least|minimum of|\d+\+?\s*(?:years?|yrs?)\s*(?:of)?)\s+)+/i;
const TRAILING_NOISE =
  /(?:\s+(?:experience|skills?|knowledge|abilities|background|is|are|required|preferred|desired|essential|a plus|plus|strongly|highly|desirable|is a must|a must|etc|helpful|useful|welcome|valued|needed|expected|mandatory|advantage|advantageous|bonus|important|nice to have|and|or|with|in|of|to|for|the|a|an|as|on|at|by|from))+$/i;
// No leading \s*: from every space of a long run it would rescan the run.
const CLAUSE_BREAK =
  /(?:[;:!?()[\]{}"“”]|\.(?:\s|$)|\s[-–—]\s|,\s*(?:which|who|where|so|while|including)\b|\s(?:which|so that|in order to|to ensure|while|whilst|where|who|in which|such as|aligned with|aligned to|e\.g\.)\s)/i;

const ADVERBIAL = /^(?:during|before|after|across|throughout|within|when|via|per)$/i;

/** The text up to its first clause break: a sub-clause, a bracket, a dash or a sentence end. */
export function firstClause(text: string): string {
  const cut = text.search(CLAUSE_BREAK);
  const clause = cut > 0 ? text.slice(0, cut).trimEnd() : '';
  return clause ? clause : text;
}

/**
 * Cut a raw fragment down to a citable phrase: first clause, no qualifiers, at
 * most `maxWords` words, ending on a content word. Returns null if nothing is left.
 */
export function cleanPhrase(raw: string, maxWords = 7): string | null {
  const collapsed = capText(raw, 4 * MAX_PHRASE_CHARS).replace(/\s+/g, ' ');
  let phrase = firstClause(capText(collapsed.trim(), MAX_PHRASE_CHARS));
  phrase = trimStartChars(phrase, ' ,.-–—*•').replace(LEADING_NOISE, '');
  // "acute care experience, cardiac or telemetry preferred": the rest is an aside.
  phrase = phrase.replace(/^(.{3,}?\s(?:experience|background)),\s.*$/i, '$1');
  let words = phrase.split(' ').filter(Boolean);
  if (words.length > maxWords) {
    // Prefer ending before an adverbial ("... and capacity during contract negotiations"),
    // then at a natural joint (a comma or "and"), over a hard cut mid-phrase.
    const adverbial = words.findLastIndex((w, i) => i >= 3 && i <= maxWords && ADVERBIAL.test(w));
    const joint = words.findLastIndex(
      (w, i) => i >= 2 && i < maxWords && (w.endsWith(',') || w === 'and'),
    );
    const keepJointWord = joint > 0 && (words[joint] ?? '').endsWith(',');
    const end = adverbial > 0 ? adverbial : joint > 0 ? joint + (keepJointWord ? 1 : 0) : maxWords;
    words = words.slice(0, end);
  }
  phrase = trimEndChars(words.join(' '), ',.;:');
  for (let i = 0; i < 3; i += 1) phrase = trimEndChars(phrase.replace(TRAILING_NOISE, ''), ',.;:');
  const content = tokenize(phrase).filter((w) => !STOPWORDS.has(w));
  if (content.length === 0 || phrase.length < 3) return null;
  return phrase;
}

/** Lower-case an opening word only when the text itself uses it in lower case (so "Epic" stays). */
export function softenFirstWord(phrase: string, lowerVocabulary: ReadonlySet<string>): string {
  const [first = '', ...rest] = phrase.split(' ');
  const isPlainCapital = /^[A-Z][a-z]+$/.test(first);
  if (isPlainCapital && (lowerVocabulary.has(first.toLowerCase()) || isActionVerb(first))) {
    return [first.toLowerCase(), ...rest].join(' ');
  }
  return phrase;
}

/** Words written in lower case somewhere in the text: evidence they are common words, not names. */
export function lowerCaseVocabulary(text: string): Set<string> {
  return new Set(text.match(/\b[a-z][a-z'-]+\b/g) ?? []);
}

/** "a" or "an" before a word, by its sound: "an RN", "an order", "a forklift". */
export function indefiniteArticle(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^\d/.test(word)) return /^(?:8|11|18)(?!\d)|^8\d/.test(word) ? 'an' : 'a';
  return /^(?:[aeio]|u(?!ni|s[eu]|r[aeiou]))/i.test(word) ? 'an' : 'a';
}

// Licences and certificates are counted ("a forklift licence"); "certification" is not.
const COUNTED_CREDENTIAL = /\b(?:licen[cs]e|certificate|degree|diploma|clearance|permit|card)\b/i;

/** "forklift licence" -> "a forklift licence", so "The posting requires a forklift licence." */
export function withCredentialArticle(phrase: string): string {
  // "Must hold a valid 18th Edition certificate": the credential is held, not done.
  const held = capText(phrase, MAX_PHRASE_CHARS)
    .replace(/^(?:holding|having|possessing|maintaining|obtaining)\s+/i, '')
    .replace(LEADING_NOISE, '');
  if (!COUNTED_CREDENTIAL.test(held) || /\band\b/i.test(held)) return held;
  if (/^(?:a|an|the|your|our|their|any)\s/i.test(held)) return held;
  return `${indefiniteArticle(held)} ${held}`;
}

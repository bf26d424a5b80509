// Reading one resume line: is it a role, and how is a claim quoted back to the candidate
// ("Built X" -> "you built X", "I run Y" -> "you run Y", "Our rate rose" -> "your rate rose").

import { capText, MAX_PHRASE_CHARS, trimEndChars } from '../text/bounds.js';
import { isAdjective, isPastTense } from '../text/grammar.js';
import { STOPWORDS, stemSet, wordCount } from '../text/normalise.js';
import { firstClause, indefiniteArticle, isActionVerb } from '../text/phrases.js';
import type { Evidence, EvidenceKind } from './types.js';

const DATE = /\b(?:19|20)\d{2}\b|\bpresent\b|\bcurrent\b/i;
// Matched on a line whose spaces are single, so no quantifier here meets a run of them.
const DATE_RANGE =
  /\(?(?:[A-Za-z]{3,9}\.? )?(?:19|20)\d{2} ?(?:(?:[-–—]|to) ?(?:(?:[A-Za-z]{3,9}\.? )?(?:19|20)\d{2}|present|current|now))?\)?/gi;
// "Backend engineer, 6 years." / "Registered nurse with three years on a surgical ward."
const HEADLINE =
  /^(?:I am |I'm )?(?:an? )?([A-Za-z][\w/&-]*(?:\s+[A-Za-z][\w/&-]*){0,3}?)(?:\s*,\s*|\s+(?:with|at|for|of|in)\s+)(?=.*\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\+?\s+years?\b)/i;
// Tested on one word at a time: unanchored, `\w*\d` would rescan a long word from each letter.
const NAMED = /^(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]|\W*\w*\d)/;
const CREDENTIAL = /\b(?:certified|certificate|certification|licen[cs]ed?|registered)\b/i;

export function opensWithPastTense(text: string): boolean {
  return isPastTense(text.split(/\s+/)[0] ?? '');
}

function opensWithVerb(text: string): boolean {
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  return !STOPWORDS.has(first) && (isActionVerb(first) || opensWithPastTense(text));
}

/** The resume speaks in the first person; the interviewer addresses the candidate. */
function toSecondPerson(text: string): string {
  return text
    .replace(/\bI'm\b/g, "you're")
    .replace(/\bI(?='(?:ve|d|ll)\b)/g, 'you')
    .replace(/\bI\b/g, 'you')
    .replace(/\b(?:my|our)\b/gi, 'your')
    .replace(/\bme\b/gi, 'you');
}

// Stands for "; " before a second past-tense clause while the line is cut to length, so
// that the clause break does not end the claim there. A control character: stored resume
// text has none (resume-text.ts strips them).
const JOINT = '\u0001';

/**
 * The claim of a line, at most maxWords words: as written (`quoted`), and with its
 * clauses joined by "and" (`spoken`), for "Your resume says you built X and cut Y".
 */
function shorten(text: string, maxWords: number): { quoted: string; spoken: string } {
  // "Built X; cut latency by 40%" is one claim in two clauses: keep both.
  const marked = text.replace(/;\s+([a-z][\w-]*)/gi, (all, word: string) =>
    opensWithPastTense(word) ? ` ${JOINT}${word}` : all,
  );
  const words = trimEndChars(firstClause(marked), '.;,').split(/\s+/);
  let kept = words;
  if (words.length > maxWords) {
    // Cut after a comma, or before the second clause, rather than inside a phrase.
    const joint = words.findLastIndex(
      (w, i) => i >= 5 && i < maxWords && (w.endsWith(',') || !!words[i + 1]?.startsWith(JOINT)),
    );
    kept = words.slice(0, joint > 0 ? joint + 1 : maxWords);
    while (kept.length > 3 && STOPWORDS.has((kept.at(-1) ?? '').toLowerCase())) kept.pop();
  }
  const short = kept.join(' ').replace(/[,;]$/, '');
  return { quoted: short.replaceAll(` ${JOINT}`, '; '), spoken: short.replaceAll(JOINT, 'and ') };
}

export function evidence(kind: EvidenceKind, raw: string, maxWords: number): Evidence {
  const { quoted: text, spoken } = shorten(capText(raw, MAX_PHRASE_CHARS).trim(), maxWords);
  let clause: string | null = null;
  if (kind === 'achievement' && opensWithVerb(text)) {
    clause = toSecondPerson(`you ${spoken[0]?.toLowerCase()}${spoken.slice(1)}`);
  } else if (kind === 'achievement' && /^(?:I|My|Our)\b/.test(text)) {
    clause = toSecondPerson(spoken);
  }
  const weight = (/\d/.test(text) ? 2 : 0) + (clause ? 1 : 0);
  return { kind, text, clause, stems: stemSet(text), weight };
}

/** A prose sentence worth quoting: a claim, or a short line naming a certificate or a tool. */
export function isClaim(sentence: string): boolean {
  const words = wordCount(sentence);
  const named = () => sentence.split(/\s+/).some((word) => NAMED.test(word));
  return words >= 5 || (words >= 2 && CREDENTIAL.test(sentence) && named());
}

/** "Staff Nurse, Telemetry Unit - Mercy Valley Medical Center, 2021 to Present" -> "Staff Nurse, Telemetry Unit". */
export function roleTitle(line: string): string | null {
  if (!DATE.test(line) || /[.%]$/.test(line) || opensWithPastTense(line) || wordCount(line) > 16) {
    return null;
  }
  const parts = line
    .replace(/\s+/g, ' ')
    .replace(DATE_RANGE, ' ')
    .replace(/ +/g, ' ')
    .split(/ [|–—-] |, ?| at | @ /)
    .map((part) => trimEndChars(part, ' ,|–—-').trim())
    .filter(Boolean);
  const title = parts.length >= 3 ? `${parts[0]}, ${parts[1]}` : parts[0];
  return title && wordCount(title) <= 7 ? title : null;
}

/** "Backend engineer, 6 years." -> "a backend engineer": the role a prose resume opens with. */
export function headlineRole(sentence: string): string | null {
  const title = HEADLINE.exec(sentence)?.[1];
  if (!title) return null;
  const words = title.split(/\s+/);
  const first = words[0] ?? '';
  if (words.some((word) => STOPWORDS.has(word.toLowerCase()))) return null;
  // "Led a team of four" is a claim; "Registered nurse with three years" is a role.
  if (isActionVerb(first) || (isPastTense(first) && !isAdjective(first))) return null;
  if (words.length === 1 && opensWithPastTense(first)) return null;
  const spoken = /^[A-Z][a-z]+$/.test(first) ? [first.toLowerCase(), ...words.slice(1)] : words;
  return `${indefiniteArticle(spoken[0] ?? '')} ${spoken.join(' ')}`;
}

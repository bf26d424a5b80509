// Cutting free text into units (bullet lines, sentences) and mining it for named terms
// and key phrases. Shared by the posting and the resume analysis.

import { chunkLine, trimEndChars, trimStartChars } from './bounds.js';
import { splitSentences } from './grammar.js';
import { STOPWORDS, stem } from './normalise.js';

export interface TextUnit {
  text: string;
  bullet: boolean;
}

export const BULLET = /^\s*(?:[-*•▪◦·‣–]|\d{1,2}[.)])\s+/;

export function splitUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const line of text.split('\n').flatMap((l) => chunkLine(l.trim()))) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (BULLET.test(trimmed)) {
      units.push({ text: trimmed.replace(BULLET, '').trim(), bullet: true });
      continue;
    }
    for (const sentence of splitSentences(trimmed)) units.push({ text: sentence, bullet: false });
  }
  return units;
}

function bareWord(raw: string): string {
  return trimEndChars(trimStartChars(raw, '("“\'['), ')"”\'].,;:!?');
}

// Acronyms (ACLS, IEPs), inner capitals (PostgreSQL) and letter-digit mixes (K-12):
// names of things, whatever the trade.
const STRONG_NAME = /^(?:[A-Z]{2,}[a-z]?s?|[A-Z][a-z]+[A-Z][\w]*|[A-Za-z]+[-]?\d+[\w-]*|\w*[+#]+)$/;
const PLAIN_CAPITAL = /^[A-Z][a-z][\w-]*$/;
const CONNECTORS = new Set(['of', 'and', 'for', '&']);

/** Runs of capitalised words and acronyms that are not just the first word of a sentence. */
export function extractNamedTerms(text: string): string[] {
  const terms: string[] = [];
  for (const unit of splitUnits(text)) {
    const words = unit.text.split(/\s+/);
    let run: string[] = [];
    let strong = false;
    const flush = (): void => {
      // "IEPs and 504 plans" ends the run at "504": drop the dangling "and 504".
      if (run.length > 2 && /^\d+$/.test(run.at(-1) ?? '') && CONNECTORS.has(run.at(-2) ?? '')) {
        run.splice(-2);
      }
      while (run.length > 0 && CONNECTORS.has(run.at(-1) ?? '')) run.pop();
      if (run.length >= 2 || (run.length === 1 && strong)) terms.push(run.join(' '));
      run = [];
      strong = false;
    };
    words.forEach((raw, i) => {
      const word = bareWord(raw);
      const isStrong = STRONG_NAME.test(word);
      const isPlain = PLAIN_CAPITAL.test(word) && i > 0;
      const continues = run.length > 0 && (CONNECTORS.has(word) || /^\d+$/.test(word));
      if (isStrong || isPlain || continues) {
        run.push(word);
        strong ||= isStrong;
      } else {
        flush();
      }
      if (/[,.;:!?)]$/.test(raw)) flush();
    });
    flush();
  }
  return [...new Set(terms)];
}

/**
 * RAKE-style key phrases: runs of content words between stopwords and punctuation,
 * scored by how connected their words are. Best first.
 */
export function extractKeyPhrases(text: string, limit = 30): string[] {
  const candidates = new Map<string, { phrase: string; keys: string[]; position: number }>();
  for (const unit of splitUnits(text)) {
    let run: string[] = [];
    const flush = (): void => {
      const words = run.length > 4 ? run.slice(-3) : run;
      // An adverb closing a run ("meets weekly") is not part of a name for anything.
      while (words.length > 0 && /ly$/i.test(words.at(-1) ?? '')) words.pop();
      const phrase = words.join(' ');
      if (words.length >= 2 && !candidates.has(phrase.toLowerCase())) {
        const keys = words.map((w) => stem(w.toLowerCase()));
        candidates.set(phrase.toLowerCase(), { phrase, keys, position: candidates.size });
      }
      run = [];
    };
    for (const raw of unit.text.split(/\s+/)) {
      const word = bareWord(raw);
      if (!/[a-z]/i.test(word) || /^\d/.test(word) || STOPWORDS.has(word.toLowerCase())) flush();
      else run.push(word);
      if (/[,.;:!?)]$/.test(raw)) flush();
    }
    flush();
  }
  const frequency = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const { keys } of candidates.values()) {
    for (const key of keys) {
      frequency.set(key, (frequency.get(key) ?? 0) + 1);
      degree.set(key, (degree.get(key) ?? 0) + keys.length);
    }
  }
  const score = (keys: string[]): number =>
    keys.reduce((sum, key) => sum + (degree.get(key) ?? 0) / (frequency.get(key) ?? 1), 0);
  return [...candidates.values()]
    .map((c) => ({ ...c, score: score(c.keys) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map((c) => c.phrase);
}

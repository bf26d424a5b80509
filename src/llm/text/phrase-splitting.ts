// Cutting one typed sentence into the several things it asks for: "design REST APIs, own
// PostgreSQL performance and mentor juniors" is three duties, "a forklift licence, strong
// communication skills" two qualities.

import { capText, MAX_PHRASE_CHARS } from './bounds.js';
import { isActionVerb } from './phrases.js';

/**
 * "design REST APIs in TypeScript, own PostgreSQL performance and mentor juniors" -> three
 * duties. A verb after a comma or "and" opens a new duty only once the current one has an
 * object, so "Recruit, hire and onboard new staff" stays whole. "and will run" opens one too.
 */
export function splitDuties(phrase: string): string[] {
  const words = capText(phrase, MAX_PHRASE_CHARS).trim().split(/\s+/).filter(Boolean);
  const pieces: string[][] = [[]];
  const bare = (word: string): string => word.replace(/[,;]$/, '');
  const isJoiner = (word: string): boolean => /^(?:and|or|will)$/i.test(word);
  words.forEach((word, i) => {
    const current = pieces.at(-1) ?? [];
    const previous = (words[i - 1] ?? '').toLowerCase();
    const atJoint = previous.endsWith(',') || previous === 'and' || previous === 'or';
    const content = current.filter((w) => !isJoiner(bare(w)));
    const hasObject = content.length >= 2 && content.some((w) => !isActionVerb(bare(w)));
    const opensDuty =
      isActionVerb(bare(word)) || (/^will$/i.test(word) && isActionVerb(bare(words[i + 1] ?? '')));
    if (i > 0 && atJoint && hasObject && opensDuty) {
      while (current.length > 0 && isJoiner(bare(current.at(-1) ?? ''))) current.pop();
      pieces.push(/^will$/i.test(word) ? [] : [word]);
    } else {
      current.push(word);
    }
  });
  // "greet customers, help them find the right fit": "them" would dangle once split.
  return pieces
    .map((piece, i) => {
      const object = (pieces[i - 1] ?? []).slice(1).map(bare);
      if (
        i > 0 &&
        /^(?:them|it)$/i.test(piece[1] ?? '') &&
        object.length >= 1 &&
        object.length <= 2
      ) {
        return [piece[0], ...object, ...piece.slice(2)].join(' ');
      }
      return piece.join(' ');
    })
    .map((duty) => duty.replace(/[,;]$/, ''))
    .filter(Boolean);
}

/** "a forklift licence, strong communication skills and a clean record" -> three items. */
export function splitList(raw: string): string[] {
  // One space between words, so no pattern below meets a run of them.
  const phrase = capText(raw, MAX_PHRASE_CHARS).replace(/\s+/g, ' ');
  const items = phrase.split(/[,;]/).map((item) => item.trim());
  // "a calm, friendly tone" is one quality described twice, not two qualities.
  const described = items.some(
    (item) => item.replace(/^(?:an?|the)\s+/i, '').split(/\s+/).length < 2,
  );
  return (described ? [phrase] : items)
    .flatMap((item) => {
      const parts = item.split(/ (?:and|or) /i);
      return parts.every((part) => part.split(' ').length >= 2) ? parts : [item];
    })
    .map((item) => item.replace(/^(?:and|or) /i, '').trim())
    .filter(Boolean);
}

// Bounds that keep text work linear in its length. Raw text is capped before any pattern
// sees it, a long line is cut into pieces no longer than a paragraph, and trimming a set of
// characters off an end is a loop: `/[.,]+$/` would rescan a run of full stops from every
// position in it.

/** A phrase function never needs more than this: it keeps a handful of words. */
export const MAX_PHRASE_CHARS = 400;
/** A word longer than this is not an English word (nor a verb to conjugate). */
export const MAX_WORD_CHARS = 40;
/** Lines are cut into pieces of at most this many characters before sentence splitting. */
export const MAX_LINE_CHARS = 600;

export function capText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** `text` without any of `chars` at its end. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without any of `chars` at its start. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start += 1;
  return start === 0 ? text : text.slice(start);
}

/** Pieces of at most `max` characters, cut at the last space of each window when there is one. */
export function chunkLine(line: string, max = MAX_LINE_CHARS): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = Math.min(start + max, line.length);
    if (end < line.length) {
      const space = line.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    const piece = line.slice(start, end).trim();
    if (piece) pieces.push(piece);
    start = end;
  }
  return pieces;
}

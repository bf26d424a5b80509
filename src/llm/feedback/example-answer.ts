// A short example of a strong answer, built only from what the candidate wrote (the
// answer and the resume). Anything else it would need is a [placeholder], and a check in
// code guarantees it: no number or capitalised name may appear that is in neither text.

import type { AnswerReading, Sentence } from './answer-reading.js';
import { isQuantity, isResultSentence } from './criteria.js';
import { containment, stemSet } from './shared.js';

const MAX_FACT = 220;
const TOKEN = /[A-Za-z0-9][\w.+#%-]*/g;
// The template's own words, which may start a sentence without coming from either text.
const TEMPLATE_WORDS = new Set([
  'Situation',
  'Task',
  'Action',
  'Result',
  'I',
  'My',
  'As',
  'In',
  'The',
  'Then',
]);

/** Tokens the example may not invent: numbers and capitalised words, outside [placeholders]. */
export function unsupportedSpecifics(example: string, sources: readonly string[]): string[] {
  const known = new Set(
    sources.flatMap((text) => (text.match(TOKEN) ?? []).map((t) => bareToken(t).toLowerCase())),
  );
  const outside = example.replace(/\[[^\]]*\]/g, ' ');
  return (outside.match(TOKEN) ?? [])
    .map(bareToken)
    .filter((t) => /\d/.test(t) || /^[A-Z]/.test(t))
    .filter((t) => !TEMPLATE_WORDS.has(t) && !known.has(t.toLowerCase()));
}

const bareToken = (t: string) => t.replace(/[.%-]+$/, '');

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_FACT) return flat;
  const cut = flat.slice(0, MAX_FACT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))} …`;
}

/** The resume line sharing most with the question and its requirement. */
function resumeFact(resume: string | null, topic: ReadonlySet<string>): string | null {
  if (!resume) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const line of resume.split(/\r?\n|(?<=[.!?])\s+/)) {
    const text = line.replace(/^\s*[-*•]\s*/, '').trim();
    if (text.length < 15) continue;
    const score = containment(stemSet(text), topic) * Math.min(1, stemSet(text).size / 4);
    if (score > bestScore) [best, bestScore] = [text, score];
  }
  return best && bestScore > 0 ? best : null;
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

export function buildExampleAnswer(
  reading: AnswerReading,
  resume: string | null,
  topic: ReadonlySet<string>,
  requirement: string | null,
): string {
  const prose = reading.sentences.filter((s) => s.prose);
  const action = prose.find((s) => s.iActions.length > 0);
  const result = prose.find((s: Sentence) => s !== action && isResultSentence(s) && isQuantity(s));
  const fact = resumeFact(resume, topic);
  const goal = requirement
    ? `[what you had to achieve, and where ${requirement.replace(/[[\]]/g, '')} came into it]`
    : '[what you had to achieve]';
  const parts = [
    `Situation: ${fact ? sentence(clip(fact)) : '[where you were, when, and what was at stake].'}`,
    `Task: ${goal}.`,
    `Action: ${action ? sentence(clip(action.span.quote)) : 'I [the two or three steps you took yourself].'} Then I [the next step you took].`,
    `Result: ${result ? sentence(clip(result.span.quote)) : 'As a result, [the outcome, with a number: time saved, errors avoided, people helped].'}`,
  ];
  return withPlaceholders(parts.join('\n'), [reading.answer, resume ?? '']);
}

/** Every number or name the sources do not hold becomes "[detail]": the guarantee, not a hope. */
export function withPlaceholders(example: string, sources: readonly string[]): string {
  const unsupported = new Set(unsupportedSpecifics(example, sources));
  if (unsupported.size === 0) return example;
  return example
    .split(/(\[[^\]]*\])/)
    .map((part) =>
      part.startsWith('[')
        ? part
        : part.replace(TOKEN, (t) => {
            const bare = bareToken(t);
            return unsupported.has(bare) ? `[detail]${t.slice(bare.length)}` : t;
          }),
    )
    .join('');
}

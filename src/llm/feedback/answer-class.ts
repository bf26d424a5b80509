// What kind of answer this is, before any criterion is judged. Only a substantive answer
// gets a number; for the others the summary says why there is none.

import type { AnswerReading } from './answer-reading.js';
import type { AnswerClass } from './evaluator.js';
import { hasRefusal, withoutRefusals } from '../text/refusal.js';
import { containment, stemSet } from './shared.js';

export interface Classification {
  answerClass: AnswerClass;
  /** For the summary: why the answer is not scored. Null for a substantive answer. */
  reason: string | null;
}

/** Fewer words than this cannot hold a situation, an action and a result. */
export const MIN_WORDS = 15;

const FILLER = stemSet('honestly sorry please question really sure idea');

/** Stems that ask rather than tell: a question repeated back shares only these. */
const ASKING = stemSet(
  'tell me about a time describe give example how would you what why when can',
);

export function classify(
  reading: AnswerReading,
  question: string,
  relatedStems: ReadonlySet<string>,
): Classification {
  const prose = reading.sentences.filter((s) => s.prose);
  const answerStems = stemSet(reading.answer);
  const questionStems = stemSet(question);
  const own = [...answerStems].filter((s) => !questionStems.has(s) && !ASKING.has(s));
  // What is left once the "I don't know" phrases are taken out: is there anything else?
  const beyondRefusal = [...stemSet(withoutRefusals(reading.answer))].filter(
    (s) => !questionStems.has(s) && !ASKING.has(s) && !FILLER.has(s),
  );

  if (reading.words === 0 || (reading.knownShare < 0.5 && prose.length === 0)) {
    return {
      answerClass: 'non_answer',
      reason: 'Not scored: the answer is not in words that can be read as an answer.',
    };
  }
  if (hasRefusal(reading.answer) && beyondRefusal.length <= 2) {
    return {
      answerClass: 'non_answer',
      reason:
        'Not scored: the answer says you do not know or passes on the question. Even a partial example scores better than none.',
    };
  }
  if (answerStems.size > 0 && containment(answerStems, questionStems) >= 0.8 && own.length <= 2) {
    return {
      answerClass: 'non_answer',
      reason: 'Not scored: the answer repeats the question instead of answering it.',
    };
  }
  if (reading.words < MIN_WORDS) {
    return {
      answerClass: 'too_short',
      reason: `Not scored: ${reading.words} word${reading.words === 1 ? '' : 's'} is too short to judge. Tell one real example: the situation, what you did and what came of it.`,
    };
  }
  if (prose.length === 0) {
    return {
      answerClass: 'non_answer',
      reason:
        'Not scored: the answer is a list of terms, not sentences that say what you did. Tell one real example instead.',
    };
  }
  // Off topic is a story about something else; a vague answer with little content is
  // judged (and scores low) instead.
  const touches = prose.some((s) => [...s.stems].some((stem) => relatedStems.has(stem)));
  const content = new Set(prose.flatMap((s) => [...s.stems]));
  if (!touches && content.size >= 8) {
    return {
      answerClass: 'off_topic',
      reason:
        'Not scored: the answer does not touch the question, its requirement or the job. Answer the question that was asked.',
    };
  }
  return { answerClass: 'substantive', reason: null };
}

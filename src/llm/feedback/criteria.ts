// The five criteria, judged on the prose sentences of an answer. Each level is backed by
// the sentences it rests on; a level of 0 needs none, and null means "does not apply".

import type { AnswerReading, Sentence, Word } from './answer-reading.js';
import type { Criterion, CriterionKey, Span } from './evaluator.js';
import type { QuestionType } from './shared.js';
import { expandStems, sharedCount, stemIn } from './stem-match.js';

export interface CriteriaContext {
  questionType: QuestionType | null;
  questionStems: ReadonlySet<string>;
  requirementStems: ReadonlySet<string> | null;
  /** Stems of the posting and resume: a story in their terms is about the job, even in other words. */
  postingStems: ReadonlySet<string>;
}

const SITUATION =
  /\b(?:when|while|during|last (?:year|month|week|spring|summer|autumn|winter)|(?:in|by) (?:19|20)\d\d|at my (?:last|previous|first)|there (?:was|were)|we had|our (?:team|ward|unit|school|class|company|store|shop|client|customer)s?|one (?:day|night|shift|time|morning))\b/i;
const TASK =
  /\b(?:i was (?:asked|responsible|tasked|assigned|given|hired|brought in)|my (?:job|role|goal|task|aim|responsibility) was|i (?:needed|had|wanted) to|we (?:needed|had) to|the (?:goal|aim|problem|challenge) was|needed to be)\b/i;
const RESULT_MARKER =
  /\b(?:as a result|the result was|resulted in|which meant|that meant|led to|so that|in the end|by the end|afterwards|since then|ended up|outcome was|which (?:cut|saved|reduced|increased|improved))\b/i;
// A result told as what stopped: "no duplicate charges were reported", "there were no more falls".
const NOTHING_SINCE =
  /\b(?:(?:no|zero) (?:further |more |new )?[a-z-]+(?: [a-z-]+)? (?:was|were|have been|has been) (?:reported|found|recorded|logged|raised|seen|needed)|there (?:was|were|have been|has been) no (?:further |more |new )?[a-z-]+)\b/i;
const RESULT_VERB =
  /\b(?:reduc|cut|increas|improv|sav|grew|grow|drop|fell|fall|rose|rais|doubl|halv|shorten|pass|won|win|recover|resolv|fix|deliver|launch|ship|achiev|complet|avoid|prevent|lower|boost|gain|finish|earn|exceed)\w*|\b(?:better|faster|fewer|safer|cheaper|on time)\b/i;
const VAGUE_RESULT =
  /\b(?:went (?:well|fine|ok)|work(?:s|ed)? (?:out|well)|it works|(?:was|were) (?:happy|pleased|satisfied|successful|good)|good result|positive (?:feedback|result))\b/i;

/** "one" and "first": words that count or order, not amounts, unless a unit follows ("one hour"). */
const isCountingWord = (w: Word): boolean =>
  w.tags.has('TextValue') && (w.tags.has('Ordinal') || w.lower === 'one');

const isAmountOrDate = (w: Word): boolean =>
  ['Value', 'Percent', 'Money', 'Date', 'Duration'].some((tag) => w.tags.has(tag));

export const isQuantity = (s: Sentence): boolean =>
  s.words.some(
    (w, i) =>
      w.tags.has('Percent') ||
      w.tags.has('Money') ||
      (w.tags.has('Value') &&
        (!isCountingWord(w) || (s.words[i + 1]?.tags.has('Duration') ?? false))),
  );

/** A sentence that states an outcome: a result marker or verb, told as done or as expected. */
export const isResultSentence = (s: Sentence): boolean =>
  (RESULT_MARKER.test(s.span.quote) ||
    RESULT_VERB.test(s.span.quote) ||
    NOTHING_SINCE.test(s.span.quote)) &&
  (s.past || s.conditional || isQuantity(s));

/** Numbers, named things (tools, places, people, standards) and dates of a sentence. */
function specificsOf(s: Sentence): string[] {
  const found: string[] = [];
  // The amount or date being read: the next such word, with only a space between, joins it
  // ("two years", "$2 million"); "2019, 2020" stay two. Any other word closes it, so an open
  // amount always ends at the word before. A lone "one" or "first" is no detail.
  let amount: Word[] | null = null;
  const closeAmount = () => {
    if (amount && !(amount.length === 1 && isCountingWord(amount[0]!)))
      found.push(amount.map((w) => bareOf(w).toLowerCase()).join(' '));
    amount = null;
  };
  s.words.forEach((w, i) => {
    const bare = bareOf(w);
    if (isAmountOrDate(w)) {
      const gap = () =>
        s.span.quote.slice(s.words[i - 1]!.end - s.span.start, w.start - s.span.start);
      if (amount && gap().trim() === '') amount.push(w);
      else {
        closeAmount();
        amount = [w];
      }
      return;
    }
    closeAmount();
    if (/^(?:[A-Z]{2,}\w*|[A-Za-z]+[A-Z]\w*|\w*\d\w*|\w*[+#]+)$/.test(bare)) found.push(bare);
    else if (
      i > 0 &&
      /^[A-Z][a-z]/.test(bare) &&
      w.tags.has('ProperNoun') &&
      !w.tags.has('Pronoun') &&
      // After "Situation:" a capital starts a clause; it names nothing.
      !/[:;]$/.test(s.span.quote.slice(0, w.start - s.span.start).trimEnd())
    )
      found.push(bare);
  });
  closeAmount();
  return found;
}

const bareOf = (w: Word) => w.text.replace(/[.,;:!?)"'”]+$/, '');

const spans = (sentences: Sentence[], max = 2): Span[] =>
  sentences.slice(0, max).map((s) => s.span);

function criterion(
  key: CriterionKey,
  level: number | null,
  comment: string,
  evidence: Span[] = [],
): Criterion {
  return { key, level, comment, evidence: level === null ? [] : evidence };
}

export function judgeCriteria(reading: AnswerReading, ctx: CriteriaContext): Criterion[] {
  const prose = reading.sentences.filter((s) => s.prose);
  const conditional = ctx.questionType === 'situational';
  const tellsStory = prose.some((s) => s.iActions.length > 0);
  // A knowledge question may be answered by explaining; the story criteria then do not apply.
  const storyApplies = ctx.questionType !== 'technical' || tellsStory;

  // Relevance: the question's and the requirement's own terms, in sentences that say something;
  // failing those, a concrete story in the job's own domain (the posting's terms).
  const topic = expandStems([...ctx.questionStems, ...(ctx.requirementStems ?? [])]);
  const domain = expandStems(ctx.postingStems);
  const shared = new Set<string>();
  const relevant: Sentence[] = [];
  for (const s of prose) {
    const hits = [...s.stems].filter((stem) => stemIn(stem, topic));
    hits.forEach((h) => shared.add(h));
    if (hits.length > 0) relevant.push(s);
  }
  const answerStems = expandStems(prose.flatMap((s) => [...s.stems]));
  const requirementShared = ctx.requirementStems
    ? sharedCount(ctx.requirementStems, answerStems)
    : 0;
  const covers = ctx.requirementStems
    ? requirementShared / ctx.requirementStems.size >= 0.5 || requirementShared >= 2
    : shared.size >= 3;
  // Level 3 needs an example, not just the right words: something done, or concrete detail.
  const exemplified = relevant.some(
    (s) =>
      ((s.iActions.length > 0 || s.weActions.length > 0) && (s.past || s.conditional)) ||
      specificsOf(s).length > 0,
  );
  const inDomain = prose.filter((s) => sharedCount(s.stems, domain) >= 2);
  const story = prose.some((s) => s.iActions.length > 0 && (s.past || s.conditional));
  let relevance =
    shared.size === 0
      ? 0
      : covers && shared.size >= 2 && exemplified
        ? 3
        : shared.size >= 2 || covers
          ? 2
          : 1;
  if (relevance <= 1 && inDomain.length >= 2 && story) {
    relevance = 2;
    relevant.push(...inDomain);
  }
  relevant.sort((a, b) => b.stems.size - a.stems.size);

  // Structure: the parts of STAR, each found in a different sentence of the story.
  const parts = {
    situation: prose.find((s) => SITUATION.test(s.span.quote) && (s.past || conditional)),
    task: prose.find((s) => TASK.test(s.span.quote)),
    action: prose.find(
      (s) => s.iActions.length > 0 || (s.weActions.length > 0 && (s.past || s.conditional)),
    ),
    result: prose.find(isResultSentence),
  };
  const found = Object.values(parts).filter((s): s is Sentence => s !== undefined);
  const distinct = new Set(found).size;
  const partCount = parts.action ? Math.min(found.length, distinct + 1) : Math.min(1, found.length);
  const structure = partCount >= 4 ? 3 : partCount === 3 ? 2 : partCount === 2 ? 1 : 0;
  const missing = (Object.keys(parts) as (keyof typeof parts)[]).filter((k) => !parts[k]);

  // Specificity: distinct numbers and names; a list counts once.
  const specific = new Map<Sentence, string[]>();
  const all = new Set<string>();
  for (const s of prose) {
    const items = [...new Set(specificsOf(s))].slice(0, 3);
    if (items.length === 0) continue;
    specific.set(s, items);
    items.forEach((x) => all.add(x));
  }
  const specSentences = [...specific.keys()];
  const specificity =
    all.size === 0 ? 0 : all.size === 1 ? 1 : all.size >= 4 && specSentences.length >= 2 ? 3 : 2;

  // Ownership: distinct things "I" did, against what "we" did.
  const iVerbs = new Set(prose.flatMap((s) => s.iActions));
  const weCount = prose.reduce((n, s) => n + s.weActions.length, 0);
  const iCount = prose.reduce((n, s) => n + s.iActions.length, 0);
  const ownership =
    iVerbs.size >= 3 && iCount >= weCount ? 3 : iVerbs.size >= 2 ? 2 : iVerbs.size === 1 ? 1 : 0;
  const owned = prose.filter((s) => s.iActions.length > 0);

  // Impact: a stated result, best with a number.
  const results = prose.filter(isResultSentence);
  const measured = results.filter(isQuantity);
  const vague = prose.filter((s) => VAGUE_RESULT.test(s.span.quote));
  const impact = measured.length > 0 ? 3 : results.length > 0 ? 2 : vague.length > 0 ? 1 : 0;

  const subject = ctx.requirementStems ? 'the question and its requirement' : 'the question';
  // An answer that never names the requirement is not told it addressed it.
  const unnamed = ctx.requirementStems !== null && requirementShared === 0;
  const relevanceComments = [
    `Does not use the terms of ${subject}.`,
    unnamed
      ? 'Touches the question only in passing, not its requirement.'
      : `Touches ${subject} only in passing.`,
    unnamed ? 'Addresses the question, not its requirement.' : `Addresses ${subject}.`,
    `Answers ${subject} directly, with an example.`,
  ];
  return [
    criterion(
      'relevance',
      relevance,
      relevanceComments[relevance]!,
      relevance === 0 ? [] : spans(relevant),
    ),
    storyApplies
      ? criterion(
          'structure',
          structure,
          structure === 3
            ? 'A complete story: situation, task, action and result.'
            : missing.length > 0
              ? `Missing from the story: ${missing.join(', ')}.`
              : 'Every part is there, but some share one sentence: tell the situation, task, action and result each in its own.',
          structure === 0 ? [] : [...new Set(found)].slice(0, 3).map((s) => s.span),
        )
      : criterion('structure', null, 'An explanation, not a story: STAR does not apply.'),
    criterion(
      'specificity',
      specificity,
      specificity === 0
        ? 'No numbers, names or concrete details.'
        : `Concrete details: ${[...all].slice(0, 5).join(', ')}.`,
      spans(specSentences),
    ),
    storyApplies
      ? criterion(
          'ownership',
          ownership,
          ownership === 0
            ? weCount > 0
              ? 'Says what "we" did, never what you did yourself.'
              : 'Does not say what you did.'
            : `You did: ${[...iVerbs].slice(0, 4).join(', ')}${weCount > iCount ? '; much is still "we"' : ''}.`,
          // "we" sentences are the evidence that ownership is missing.
          ownership === 0 ? spans(prose.filter((s) => s.weActions.length > 0)) : spans(owned),
        )
      : criterion('ownership', null, 'An explanation: no actions to attribute.'),
    storyApplies
      ? criterion(
          'impact',
          impact,
          [
            'States no result.',
            'The result is vague ("it went well").',
            'States a result, without a measure.',
            'States a measured result.',
          ][impact]!,
          spans(measured.length > 0 ? measured : results.length > 0 ? results : vague),
        )
      : criterion('impact', null, 'An explanation: no outcome to judge.'),
  ];
}

// One reading of an answer, shared by the classifier and the criteria: its sentences with
// their places in the text, their words' tags (compromise), who acts in them and how.
// Judgements look only at "prose" sentences: a sentence with a verb and the small words
// of real language, neither a list of terms nor a repeat of an earlier sentence. That is
// what makes pasted keywords, a column of percentages or "I I I" count for nothing.

import { spanAt } from './spans.js';
import type { Span } from './evaluator.js';
import { loadTagger, type TaggedTerm } from './nlp.js';
import { stemSet } from './shared.js';

export interface Word {
  text: string;
  /** Lower case; a contraction's expansion for its parts ("i", "have"). */
  lower: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

export interface Sentence {
  span: Span;
  words: Word[];
  /** Content stems, without the STAR labels themselves. */
  stems: ReadonlySet<string>;
  prose: boolean;
  /** Verbs whose subject is "I" ("led", "would call"). */
  iActions: string[];
  weActions: string[];
  /** Some action is in the past tense: the sentence tells what happened. */
  past: boolean;
  /** Some action is conditional ("I would ..."): what the candidate would do. */
  conditional: boolean;
}

export interface AnswerReading {
  answer: string;
  sentences: Sentence[];
  words: number;
  /** Share of alphabetic words that are English words compromise knows, or taken from the context. */
  knownShare: number;
}

/** Past this many characters an answer is a speech; reading more would only cost time. */
export const READ_LIMIT = 4_000;

// The little words of any real English sentence; a list of terms has almost none.
const FUNCTION_WORDS = new Set(
  `a an the and or but so to of in on at for with by from as that this these those it its
  i me my we us our you your he she they them their his her was were is are be been am had
  have has did do does not no when while then after before because which who what how if
  there here would could should will can about into over just also than`.split(/\s+/),
);
const STAR_LABELS = new Set(['situat', 'task', 'action', 'result', 'star', 'outcom']);
// Verbs that state or feel rather than do: "I have experience", "I know", "I like".
const NOT_ACTIONS = new Set(
  `have had has having know knew think thought feel felt believe believed like liked love
  loved want wanted am is are was were be been being guess mean seem seemed hope try tries tried`.split(
    /\s+/,
  ),
);
const MODALS = new Set(['would', 'will', 'could', 'should', 'might', 'can', 'shall']);

function toWords(answer: string, terms: TaggedTerm[]): Word[] {
  const words: Word[] = [];
  for (const t of terms) {
    const start = t.offset.start;
    const end = start + t.offset.length;
    // compromise's offsets are UTF-16 indices into the text; keep only those that hold.
    const real = t.offset.length > 0 && answer.slice(start, end) === t.text;
    if (!real && t.offset.length > 0) continue;
    const lower = (t.implicit ?? t.normal ?? t.text).toLowerCase();
    words.push({ text: t.text, lower, start, end: real ? end : start, tags: new Set(t.tags) });
  }
  return words;
}

/** Verbs acted by `subject` words: the first real verb within three words after it. */
function actionsOf(words: Word[], subjects: ReadonlySet<string>) {
  const actions: string[] = [];
  let past = false;
  let conditional = false;
  words.forEach((w, i) => {
    if (!subjects.has(w.lower)) return;
    let modal = false;
    for (let j = i + 1; j < Math.min(words.length, i + 5); j += 1) {
      const next = words[j]!;
      if (MODALS.has(next.lower)) modal = true;
      // "I would first check": compromise reads "first" as a number, not an adverb.
      const adverb = next.tags.has('Adverb') || next.tags.has('Ordinal');
      if (adverb || next.tags.has('Negative') || MODALS.has(next.lower)) continue;
      if (next.tags.has('Auxiliary') && !next.tags.has('Passive')) continue;
      if (!next.tags.has('Verb') || next.tags.has('Copula') || NOT_ACTIONS.has(next.lower)) break;
      // "I had to", "I was asked to": a duty, not a deed.
      if (words[j - 1]?.tags.has('Passive') && words[j - 1]?.tags.has('Copula')) break;
      actions.push(next.lower);
      if (modal) conditional = true;
      else if (next.tags.has('PastTense') || words[j - 1]?.lower === 'did') past = true;
      break;
    }
  });
  return { actions, past, conditional };
}

// A STAR label in front of a sentence does not make it a new one.
const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(?:situation|task|action|result)\s{0,3}[:\-–]/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export async function readAnswer(answer: string, contextText = ''): Promise<AnswerReading> {
  const tagger = await loadTagger();
  const text = answer.slice(0, READ_LIMIT);
  const context = new Set(contextText.toLowerCase().match(/[a-z][a-z0-9+#.-]*/g) ?? []);
  const seen = new Set<string>();
  const sentences: Sentence[] = [];
  let alphabetic = 0;
  let known = 0;
  let wordTotal = 0;

  for (const tagged of tagger.sentences(text)) {
    const words = toWords(answer, tagged.terms);
    const real = words.filter((w) => w.end > w.start);
    if (real.length === 0) continue;
    const last = real.at(-1)!;
    const closing = /^[.!?…"”')\]]*/.exec(answer.slice(last.end))?.[0].length ?? 0;
    const span = spanAt(answer, real[0]!.start, last.end + closing);
    if (!span) continue;
    wordTotal += real.length;
    for (const w of real) {
      const bare = w.lower.replace(/[^a-z'-]/g, '');
      if (!/^[a-z]/.test(bare)) continue;
      alphabetic += 1;
      const root = bare.replace(/(?:'s|s|es|ed|ing|ly)$/, '');
      if (tagger.knows(bare) || tagger.knows(root) || context.has(bare) || FUNCTION_WORDS.has(bare))
        known += 1;
    }
    const stems = new Set([...stemSet(span.quote)].filter((s) => !STAR_LABELS.has(s)));
    const functionShare = real.filter((w) => FUNCTION_WORDS.has(w.lower)).length / real.length;
    const commas = (span.quote.match(/[,;|/]/g) ?? []).length;
    const distinct = new Set(real.map((w) => w.lower)).size / real.length;
    const key = normalised(span.quote);
    const repeat = seen.has(key);
    seen.add(key);
    const i = actionsOf(words, new Set(['i']));
    const we = actionsOf(words, new Set(['we']));
    const prose =
      !repeat &&
      real.length >= 4 &&
      real.some((w) => w.tags.has('Verb')) &&
      functionShare >= 0.15 &&
      stems.size >= 2 &&
      distinct >= 0.5 &&
      !(commas >= 4 && commas / real.length > 0.2);
    sentences.push({
      span,
      words: real,
      stems,
      prose,
      iActions: prose ? i.actions : [],
      weActions: prose ? we.actions : [],
      past: prose && (i.past || we.past || real.some((w) => w.tags.has('PastTense'))),
      conditional: prose && (i.conditional || we.conditional),
    });
  }
  return {
    answer,
    sentences,
    words: wordTotal,
    knownShare: alphabetic === 0 ? 0 : known / alphabetic,
  };
}

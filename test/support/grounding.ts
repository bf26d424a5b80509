// Does a question cite the candidate's texts, or could it have been asked of anyone?
// Used by the tests and the eval for every generator, so it must not trust the generator's
// own account (its focus): it compares the question's words with the posting and resume.

import {
  CREDENTIAL_TEMPLATES,
  FOLLOW_UP_TEMPLATES,
  TEMPLATES,
  type QuestionSlots,
} from '../../src/llm/offline/question-templates.js';
import { STOPWORDS, stem, tokenize } from '../../src/llm/text/normalise.js';

/** Runs of content-word stems, broken at punctuation and at stopwords. */
function contentRuns(text: string): { stems: string[]; words: string[] }[] {
  const runs: { stems: string[]; words: string[] }[] = [];
  for (const segment of text.split(SEGMENT)) {
    let run = { stems: [] as string[], words: [] as string[] };
    for (const word of tokenize(segment)) {
      if (isFunctionWord(word)) {
        if (run.stems.length > 0) runs.push(run);
        run = { stems: [], words: [] };
      } else {
        run.stems.push(stem(word));
        run.words.push(word);
      }
    }
    if (run.stems.length > 0) runs.push(run);
  }
  return runs;
}

const SEGMENT = /[.,;:!?()[\]"“”\n]+/;
const isFunctionWord = (word: string): boolean => STOPWORDS.has(word) || /^\d+$/.test(word);

interface Pair {
  stems: [string, string];
  /** As the question words it: "running the till". */
  words: string;
}

/**
 * Two content words in a row, or with one function word between them: "running the till"
 * and "patient and organised" are phrases of the posting as much as "forklift safety" is.
 */
function contentPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const segment of text.split(SEGMENT)) {
    const words = tokenize(segment);
    words.forEach((word, i) => {
      if (isFunctionWord(word)) return;
      const next = words[i + 1];
      const after = words[i + 2];
      if (next && !isFunctionWord(next)) {
        pairs.push({ stems: [stem(word), stem(next)], words: `${word} ${next}` });
      } else if (next && after && !isFunctionWord(after)) {
        pairs.push({ stems: [stem(word), stem(after)], words: `${word} ${next} ${after}` });
      }
    });
  }
  return pairs;
}

// Words every offline question may contain whatever the inputs: citing them is not grounding.
const DUMMY = 'qqq';
const GENERIC_STEMS: ReadonlySet<string> = (() => {
  const texts: string[] = [];
  for (const kind of ['duty', 'knowledge', 'trait', 'credential'] as const) {
    const slots: QuestionSlots = {
      requirement: DUMMY,
      kind,
      secondRequirement: DUMMY,
      evidence: {
        kind: 'achievement',
        text: DUMMY,
        clause: `you ${DUMMY}`,
        stems: new Set(),
        weight: 0,
      },
      role: DUMMY,
      shortTitle: DUMMY,
      at: ` at ${DUMMY}`,
      seniority: DUMMY,
    };
    const templates = [...Object.values(TEMPLATES).flat(), ...CREDENTIAL_TEMPLATES];
    texts.push(...templates.map((t) => t(slots) ?? ''));
    texts.push(...FOLLOW_UP_TEMPLATES.map((t) => t(slots, DUMMY)));
  }
  return new Set(texts.flatMap((text) => contentRuns(text).flatMap((run) => run.stems)));
})();

// Names of things: acronyms, inner capitals, letters mixed with digits.
const DISTINCTIVE = /^(?:[A-Z]{2,}[a-z]?s?|[A-Z][a-z]+[A-Z]\w*|\w*\d\w*[A-Za-z]\w*|\w*[+#]+)$/;

/**
 * The terms of `sources` that `question` cites: two-word phrases of content words that
 * appear in both (after light stemming), and distinctive names. Words of `context` (the
 * job title and company) and words every template uses do not count on their own.
 */
export function citedTerms(question: string, sources: readonly string[], context = ''): string[] {
  const ignore = new Set([...GENERIC_STEMS, ...contentRuns(context).flatMap((r) => r.stems)]);
  const sourcePairs = new Set<string>();
  const sourceNames = new Set<string>();
  for (const source of sources) {
    for (const pair of contentPairs(source)) sourcePairs.add(pair.stems.join(' '));
    for (const raw of source.split(/[\s,;:()]+/)) {
      const word = raw.replace(/[.!?"']+$/, '');
      if (DISTINCTIVE.test(word)) sourceNames.add(word.toLowerCase());
    }
  }
  const cited = new Set<string>();
  for (const { stems, words } of contentPairs(question)) {
    const [a, b] = stems;
    if (sourcePairs.has(`${a} ${b}`) && !(ignore.has(a) && ignore.has(b))) cited.add(words);
  }
  for (const run of contentRuns(question)) {
    for (const [i, word] of run.words.entries()) {
      if (sourceNames.has(word) && !ignore.has(run.stems[i] ?? '')) cited.add(word);
    }
  }
  return [...cited];
}

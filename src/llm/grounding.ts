// Does a question cite the candidate's texts, or could it have been asked of anyone?
// Used by the tests and the eval for every generator, so it must not trust the generator's
// own account (its focus): it compares the question's words with the posting and resume.

import {
  CREDENTIAL_TEMPLATES,
  FOLLOW_UP_TEMPLATES,
  TEMPLATES,
  type QuestionSlots,
} from './question-templates.js';
import { STOPWORDS, stem, tokenize } from './text-normalise.js';

/** Runs of content-word stems, broken at punctuation and at stopwords. */
function contentRuns(text: string): { stems: string[]; words: string[] }[] {
  const runs: { stems: string[]; words: string[] }[] = [];
  for (const segment of text.split(/[.,;:!?()[\]"“”\n]+/)) {
    let run = { stems: [] as string[], words: [] as string[] };
    for (const word of tokenize(segment)) {
      if (STOPWORDS.has(word) || /^\d+$/.test(word)) {
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

// Words every offline question may contain whatever the inputs: citing them is not grounding.
const DUMMY = 'qqq';
const GENERIC_STEMS: ReadonlySet<string> = (() => {
  const slots: QuestionSlots = {
    requirement: DUMMY,
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
  const texts = [...Object.values(TEMPLATES).flat(), ...CREDENTIAL_TEMPLATES].map(
    (t) => t(slots) ?? '',
  );
  texts.push(...FOLLOW_UP_TEMPLATES.map((t) => t(slots, DUMMY)));
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
    for (const run of contentRuns(source)) {
      for (let i = 0; i + 1 < run.stems.length; i += 1)
        sourcePairs.add(`${run.stems[i]} ${run.stems[i + 1]}`);
    }
    for (const raw of source.split(/[\s,;:()]+/)) {
      const word = raw.replace(/[.!?"']+$/, '');
      if (DISTINCTIVE.test(word)) sourceNames.add(word.toLowerCase());
    }
  }
  const cited = new Set<string>();
  for (const run of contentRuns(question)) {
    for (let i = 0; i + 1 < run.stems.length; i += 1) {
      const [a = '', b = ''] = [run.stems[i], run.stems[i + 1]];
      if (sourcePairs.has(`${a} ${b}`) && !(ignore.has(a) && ignore.has(b))) {
        cited.add(`${run.words[i]} ${run.words[i + 1]}`);
      }
    }
    for (const [i, word] of run.words.entries()) {
      if (sourceNames.has(word) && !ignore.has(run.stems[i] ?? '')) cited.add(word);
    }
  }
  return [...cited];
}

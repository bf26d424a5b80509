// compromise (part two: tokenizer and tagger, no plugins) loaded on the first evaluation,
// so start-up and question generation never pay for it.

export interface TaggedTerm {
  text: string;
  normal: string;
  /** What a contraction stands for ("I've" -> "i", then an empty term "have"). */
  implicit?: string;
  tags: string[];
  offset: { start: number; length: number };
}
export interface TaggedSentence {
  text: string;
  offset: { start: number; length: number };
  terms: TaggedTerm[];
}

export interface Tagger {
  sentences(text: string): TaggedSentence[];
  /** Whether a lower-case word is in compromise's lexicon. */
  knows(word: string): boolean;
}

let loading: Promise<Tagger> | undefined;

export function loadTagger(): Promise<Tagger> {
  loading ??= import('compromise/two').then(({ default: nlp }) => {
    const model = nlp.model() as { one?: { lexicon?: Record<string, unknown> } };
    const lexicon = model.one?.lexicon ?? {};
    return {
      sentences: (text: string) =>
        nlp(text).json({ offset: true, terms: { offset: true } }) as TaggedSentence[],
      knows: (word: string) => Object.hasOwn(lexicon, word),
    };
  });
  return loading;
}

// English grammar from the compromise NLP library: sentence boundaries, gerunds and past
// tense. It is loaded on first use (a synchronous require of its one-file build, ~0.3-1 s),
// so start-up never pays for it; in the service that first use happens on a generation
// thread, not on the API's event loop. Only what is this product's own stays hand-written.

import { createRequire } from 'node:module';
import { chunkLine, MAX_WORD_CHARS } from './bounds.js';

interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  Gerund?: string;
}

interface Compromise {
  splitSentences(text: string): string[];
  conjugate(infinitive: string): Conjugation;
  toInfinitive(word: string, from: 'PastTense'): string;
  lexiconTag(word: string): string | undefined;
  invariantPast(word: string): boolean;
}

interface NlpModule {
  methods(): {
    one: { tokenize: { splitSentences(text: string, world: unknown): string[] } };
    two: {
      transform: {
        verb: {
          conjugate(verb: string, model: unknown): Conjugation;
          toInfinitive(verb: string, model: unknown, tense: string): string;
        };
      };
    };
  };
  model(): {
    one: { lexicon: Record<string, string | string[] | undefined> };
    two: { models: { toPast: { ex: Record<string, string | undefined> } } };
  };
  world(): unknown;
}

let library: Compromise | undefined;
let loadMs: number | null = null;

function load(): Compromise {
  if (library) return library;
  const started = performance.now();
  const nlp = createRequire(import.meta.url)('compromise/two') as NlpModule;
  const methods = nlp.methods();
  const model = nlp.model();
  const world = nlp.world();
  const verb = methods.two.transform.verb;
  library = {
    splitSentences: (text) => methods.one.tokenize.splitSentences(text, world),
    conjugate: (infinitive) => verb.conjugate(infinitive, model),
    toInfinitive: (word, from) => verb.toInfinitive(word, model, from),
    lexiconTag: (word) => {
      const tag = model.one.lexicon[word];
      return Array.isArray(tag) ? tag[0] : tag;
    },
    invariantPast: (word) => model.two.models.toPast.ex[word] === word,
  };
  loadMs = performance.now() - started;
  return library;
}

/** Milliseconds the library took to load in this thread, or null while it is not loaded. */
export function grammarLoadMs(): number | null {
  return loadMs;
}

/** Load the library now (a generation thread warms up with it before its first task). */
export function loadGrammar(): void {
  load();
}

// The library's splitter walks back over a run of full stops from each one: a long run is
// cut to an ellipsis first, which says the same.
const DOT_RUN = /\.{4,}/g;
const SENTENCE_STOP = /[.!?]\s/;

/** Sentences of one line of prose: "Use Go. Then Rust." is two; "Dr. Lee", "e.g. X" stay whole. */
export function splitSentences(line: string): string[] {
  const nlp = load();
  // The library's own splitter is quadratic on some runs ('. . . .'): it sees a paragraph at a time.
  return chunkLine(line.replace(DOT_RUN, '...')).flatMap((piece) =>
    // Most lines of a posting or resume hold one sentence; the library is asked only when a
    // stop is followed by more text.
    !SENTENCE_STOP.test(piece)
      ? [piece]
      : nlp
          .splitSentences(piece)
          .map((sentence) => sentence.trim())
          .filter(Boolean),
  );
}

/** "manage" -> "managing", "control" -> "controlling", "be" -> "being". */
export function toGerund(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower.endsWith('ing') || lower.length > MAX_WORD_CHARS)
    return `${lower.replace(/ing$/, '')}ing`;
  return load().conjugate(lower).Gerund || `${lower}ing`;
}

/** "registered", "qualified": words the lexicon knows as adjectives first ("Registered nurse"). */
export function isAdjective(word: string): boolean {
  return load().lexiconTag(word.toLowerCase()) === 'Adjective';
}

/** "led", "reduced", "cut", "co-taught": a verb in the past tense (or its participle). */
export function isPastTense(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length > MAX_WORD_CHARS) return false;
  // "co-taught", "re-designed": the tense is the last part's.
  const last = lower.slice(lower.lastIndexOf('-') + 1);
  if (!/^[a-z]{2,}$/.test(last)) return false;
  const nlp = load();
  const tag = nlp.lexiconTag(last);
  if (tag === 'PastTense' || tag === 'Participle') return true;
  if (nlp.invariantPast(last)) return true;
  if (!last.endsWith('ed')) return false;
  const infinitive = nlp.toInfinitive(last, 'PastTense');
  return infinitive !== last && nlp.conjugate(infinitive).PastTense === last;
}

import { describe, expect, it } from 'vitest';
import { isPastTense, toGerund } from '../../src/llm/text/grammar.js';
import { verbPhraseToGerund } from '../../src/llm/text/phrases.js';
import { splitUnits } from '../../src/llm/text/units.js';

const sentences = (text: string) => splitUnits(text).map((unit) => unit.text);

describe('grammar from the NLP library', () => {
  it('ends a sentence after a short capitalised word', () => {
    expect(sentences('Use Go. Then Rust.')).toEqual(['Use Go.', 'Then Rust.']);
  });

  it('keeps real abbreviations inside their sentence', () => {
    expect(sentences('Work with Dr. Lee at St. Agnes, e.g. on wards. Chart in Epic.')).toEqual([
      'Work with Dr. Lee at St. Agnes, e.g. on wards.',
      'Chart in Epic.',
    ]);
  });

  it('doubles the final consonant where English does, and only there', () => {
    const verbs = ['control', 'admit', 'commit', 'be', 'plan', 'manage', 'tie', 'visit', 'open'];
    expect(verbs.map(toGerund)).toEqual([
      'controlling',
      'admitting',
      'committing',
      'being',
      'planning',
      'managing',
      'tying',
      'visiting',
      'opening',
    ]);
    expect(verbPhraseToGerund('Admit patients and plan discharges', true)).toBe(
      'admitting patients and planning discharges',
    );
  });

  it('knows regular, irregular and unchanged past forms, and words that only end in -ed', () => {
    for (const word of ['led', 'built', 'reduced', 'cut', 'taught', 'co-taught', 'oversaw']) {
      expect(isPastTense(word), word).toBe(true);
    }
    for (const word of ['need', 'speed', 'red', 'lead', 'build', 'manage']) {
      expect(isPastTense(word), word).toBe(false);
    }
  });
});

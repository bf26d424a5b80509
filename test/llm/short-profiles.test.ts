import { describe, expect, it } from 'vitest';
import { citedTerms } from '../support/grounding.js';
import { isNearDuplicate } from '../../src/llm/plan/near-duplicate.js';
import { createOfflineGenerator } from '../../src/llm/offline/offline-generator.js';
import { analysePosting } from '../../src/llm/analysis/posting-analysis.js';
import { stemSet } from '../../src/llm/text/normalise.js';
import { PROFILES, SHORT_PROFILES, type Profile } from '../fixtures/profiles/index.js';
import { replaySession, sourcesOf } from './session-replay.js';

const generator = createOfflineGenerator();

/** The posting's own lead-in, kept in a requirement: "We need a backend engineer to ...". */
function leadIn(requirement: string, title: string): RegExpMatchArray | null {
  const titleWords = title.split(/\s+/).filter((w) => w.length > 2);
  const titleTo = new RegExp(`\\b(?:${titleWords.join('|')})s?\\s+to\\b`, 'i');
  return (
    /^(?:we|you|someone|somebody|the ideal|the successful|must|responsible)\b/i.exec(requirement) ??
    /\b(?:we need|we are|looking for|who can|the ideal candidate|must be able to|responsible for|you will|you'll)\b/i.exec(
      requirement,
    ) ??
    titleTo.exec(requirement)
  );
}

/** Whether every word of `term` (stemmed) occurs in `text`. */
function names(text: string, term: string): boolean {
  const stems = stemSet(text);
  return [...stemSet(term)].every((stem) => stems.has(stem));
}

function resumeSentences(resume: string): string[] {
  return resume
    .split(/\n|(?<=[a-z0-9%A-Z][.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

describe.each(SHORT_PROFILES)('offline generator, short $id profile', (profile: Profile) => {
  it('asks 8 grounded, distinct questions of at least 3 types', async () => {
    const questions = await replaySession(generator, profile, 8);
    const { sources, context } = sourcesOf(profile);
    const texts = questions.map((q) => q.questionText);
    for (const [i, text] of texts.entries()) {
      expect(citedTerms(text, sources, context), text).not.toEqual([]);
      expect(isNearDuplicate(text, texts.slice(0, i)), text).toBe(false);
    }
    expect(new Set(questions.map((q) => q.questionType)).size).toBeGreaterThanOrEqual(3);
  });

  it("names requirements as skills or duties, never with the posting's lead-in", async () => {
    const { title } = profile.jobPosting;
    const requirements = analysePosting(profile.jobPosting).requirements.map((r) => r.text);
    expect(requirements.length).toBeGreaterThanOrEqual(3);
    for (const requirement of requirements)
      expect(leadIn(requirement, title), requirement).toBeNull();
    for (const { focus } of await replaySession(generator, profile, 8)) {
      expect(leadIn(focus.requirement ?? '', title), focus.requirement ?? '').toBeNull();
    }
  });

  it('backs a requirement with the resume sentence that names the same concrete term', async () => {
    const { resume, sharedTerms = [] } = profile;
    if (!resume) return;
    const sentences = resumeSentences(resume);
    let backed = 0;
    for (const { focus, questionText } of await replaySession(generator, profile, 8)) {
      const requirement = focus.requirement ?? '';
      const terms = sharedTerms.filter(
        (term) => names(requirement, term) && sentences.some((s) => names(s, term)),
      );
      if (terms.length === 0) continue;
      const opening = (focus.evidence ?? '').split(/\s+/).slice(0, 4).join(' ');
      const source = sentences.find((s) => opening.length > 0 && s.includes(opening));
      expect(source, `${questionText}\nevidence: ${focus.evidence}`).toBeDefined();
      expect(
        terms.some((term) => names(source ?? '', term)),
        `"${focus.evidence}" for "${requirement}"`,
      ).toBe(true);
      backed += 1;
    }
    expect(backed).toBeGreaterThanOrEqual(1);
  });
});

describe('offline generator, short prose from the web form', () => {
  const byId = (id: string) => SHORT_PROFILES.find((p) => p.id === id)!;

  it('turns "We need a backend engineer to design ..., own ... and mentor ..." into three duties', () => {
    const found = analysePosting(byId('short-backend').jobPosting).requirements.map((r) => r.text);
    expect(found.slice(0, 3)).toEqual([
      'designing REST APIs in TypeScript',
      'owning PostgreSQL performance',
      'mentoring junior engineers',
    ]);
  });

  it('reads sentences typed as orders as duties, and the stack as requirements', () => {
    const found = analysePosting(byId('short-order-service').jobPosting).requirements.map(
      (r) => r.text,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'owning our order service',
        'PostgreSQL and queues',
        'mentoring junior engineers',
        'designing reliable APIs',
        'TypeScript',
      ]),
    );
  });

  it('finds the PostgreSQL sentence of a one-paragraph resume as evidence for "PostgreSQL and queues"', async () => {
    const questions = await replaySession(generator, byId('short-order-service'), 8);
    const onQueues = questions.find((q) => q.focus.requirement === 'PostgreSQL and queues');
    expect(onQueues?.focus.evidence).toBe(
      'Built a payments API in TypeScript on PostgreSQL; cut p99 latency by 40%',
    );
    expect(onQueues?.focus.summary).not.toMatch(/no direct evidence/);
  });

  it('splits a run-on posting at "you will" and "the ideal candidate has"', () => {
    const found = analysePosting(byId('short-warehouse').jobPosting).requirements;
    expect(found.map((r) => r.text)).toEqual(
      expect.arrayContaining([
        'leading a night shift of 12 pickers and packers',
        'planning the shift rota',
        'keeping the team on pace with our WMS',
        'training new starters on forklift safety',
        'a forklift licence',
        'cycle counting',
      ]),
    );
    expect(found.find((r) => r.text === 'a forklift licence')?.kind).toBe('credential');
  });

  it('reads "The ideal candidate is patient and organised" as a trait', () => {
    const found = analysePosting(byId('short-teacher').jobPosting).requirements;
    expect(found.find((r) => r.text === 'being patient and organised')?.kind).toBe('trait');
  });

  it('reads as written English in every profile', async () => {
    for (const profile of PROFILES) {
      for (const { questionText } of await replaySession(generator, profile, 10)) {
        expect(questionText, questionText).toMatch(/^[A-Z"].*[?.]$/);
        // Doubled words ("the the"), a pronoun left in the first person, "a" before a vowel.
        expect(questionText, questionText).not.toMatch(/\b(\w+) \1\b|\s{2}|\ba [aeio]\w/i);
        expect(questionText, questionText).not.toMatch(/\bi\b|\b(?:says|that) (?:I|my)\b/);
      }
    }
  });
});

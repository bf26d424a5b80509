import { describe, expect, it } from 'vitest';
import { citedTerms } from '../support/grounding.js';

const posting = 'You will greet customers, help them find the right fit and run the till.';

describe('grounding', () => {
  it('counts a posting phrase with one function word inside it as cited', () => {
    const question =
      'Tell me about a time when running the till turned out harder than you expected.';
    expect(citedTerms(question, [posting])).toEqual(['running the till']);
  });

  it('does not count words every question uses, however the posting is worded', () => {
    const question =
      'What do you do first, and who do you involve? Walk me through it, step by step.';
    expect(citedTerms(question, [`${posting} Walk the floor first and involve the team.`])).toEqual(
      [],
    );
  });

  it('does not count the job title and company on their own', () => {
    const question = 'Why do you want to be a Sales Associate at Urban Threads?';
    expect(citedTerms(question, [posting], 'Sales Associate Urban Threads')).toEqual([]);
  });
});

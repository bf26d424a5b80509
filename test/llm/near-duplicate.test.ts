import { describe, expect, it } from 'vitest';
import { isNearDuplicate } from '../../src/llm/plan/near-duplicate.js';

const asked =
  'Tell me about a time when medication administration turned out harder than you expected. What made it hard?';

describe('near-duplicate check', () => {
  it('catches the same question with other case and punctuation', () => {
    expect(isNearDuplicate(asked.toUpperCase().replace(/[.?]/g, '!'), [asked])).toBe(true);
  });

  it('catches a light rewording of the same question', () => {
    const reworded =
      'Tell me about a time when medication administration was harder than you expected. What made it so hard?';
    expect(isNearDuplicate(reworded, [asked])).toBe(true);
  });

  it('lets the same phrasing about a different topic through', () => {
    const other =
      'Tell me about a time when discharge teaching for heart failure patients turned out harder than you expected. What made it hard?';
    expect(isNearDuplicate(other, [asked])).toBe(false);
  });

  it('lets a different question on the same topic through', () => {
    const other =
      'Walk me through how you double-check a heparin drip rate before you start medication administration.';
    expect(isNearDuplicate(other, [asked])).toBe(false);
  });
});

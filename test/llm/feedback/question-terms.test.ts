import { describe, expect, it } from 'vitest';
import { questionTerms } from '../../../src/llm/feedback/question-terms.js';
import { stemSet } from '../../../src/llm/feedback/shared.js';
import { expandStems } from '../../../src/llm/feedback/stem-match.js';

describe('questionTerms', () => {
  const question =
    'Walk me through the first step of giving feedback on a lab report, and what you would check.';

  it('keeps the subject and drops the frame', () => {
    const terms = questionTerms(question, expandStems(stemSet('Biology teacher, lab safety')));
    expect(terms).toEqual(stemSet('giving lab report'));
  });

  it('keeps a frame word the job uses too', () => {
    const terms = questionTerms(
      question,
      expandStems(stemSet('Written feedback on student lab work')),
    );
    expect(terms.has([...stemSet('feedback')][0]!)).toBe(true);
    expect(terms.has([...stemSet('walk')][0]!)).toBe(false);
  });
});

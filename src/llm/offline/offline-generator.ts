// The default generator: no key, no network. It reads the posting and the resume, follows
// the shared plan and fills natural templates with the two texts' own words. The same
// inputs always give the same question: every choice is seeded from a hash of the inputs.

import { analyseContext } from '../analysis/context-analysis.js';
import { GenerationError, throwIfAborted, type QuestionGenerator } from '../generator.js';
import { FOLLOW_UP_REASON } from '../plan/follow-up.js';
import { createDuplicateCheck } from '../plan/near-duplicate.js';
import { planNextQuestion, type QuestionPlan } from '../plan/question-plan.js';
import type { GeneratedQuestion, GenerationInput, QuestionFocus } from '../plan/types.js';
import { drafts, type Draft } from './question-drafts.js';

function focusOf(draft: Draft, plan: QuestionPlan, hasResume: boolean): QuestionFocus {
  const { slots, requirement, evidence } = draft;
  const citedRole = slots.role !== null && draft.text.includes(slots.role);
  // The resume line that shares terms with the requirement is the evidence, quoted or not.
  const evidenceText = evidence && draft.matched ? evidence.text : citedRole ? slots.role : null;
  let summary: string;
  if (draft.followUp && plan.followUp) {
    const jobOnly = hasResume ? '' : ' No resume on file, so it stays with the posting.';
    summary = `Follow-up on ${FOLLOW_UP_REASON[plan.followUp.reason]}: asks for a concrete example of "${requirement.text}".${jobOnly}`;
  } else if (!hasResume) {
    summary = `No resume on file, so this is a job-only question about "${requirement.text}" from the posting.`;
  } else if (evidenceText) {
    summary = `Tests "${requirement.text}" from the posting against "${evidenceText}" from the resume.`;
  } else {
    summary = `Tests "${requirement.text}" from the posting; the resume shows no direct evidence of it.`;
  }
  return { requirement: requirement.text, evidence: evidenceText, summary };
}

export function composeQuestion(input: GenerationInput): GeneratedQuestion {
  const context = analyseContext(input.jobPosting, input.resume);
  const plan = planNextQuestion(input, context.posting.requirements);
  const isRepeat = createDuplicateCheck(plan.askedQuestions);
  for (const draft of drafts(input, plan, context.resume)) {
    if (isRepeat(draft.text)) continue;
    return {
      questionText: draft.text,
      questionType: plan.type,
      focus: focusOf(draft, plan, context.resume !== null),
    };
  }
  throw new GenerationError(
    'invalid_output',
    'Every question this job posting supports has already been asked in this session. Start a new session or add detail to the posting.',
  );
}

export function createOfflineGenerator(): QuestionGenerator {
  return {
    name: 'offline',
    async generate(input, { signal }) {
      throwIfAborted(signal);
      return composeQuestion(input);
    },
  };
}
